#!/usr/bin/env bash
# Scale-out demonstration on loopback: nginx (Debian's nginx-light) in front of two portal
# replicas with the micro-caching of deploy/nginx.conf. Both replicas follow one content
# repository (CONTENT_REPO, a bare repository made here from content/), and nginx fans
# the content webhook out to each of them. Shows and asserts:
#   1. both replicas deployed the same commit, built the same content version and send the same ETag;
#   2. a repeated page is served by nginx from its cache (X-Cache-Status: HIT);
#   3. a replica killed with SIGKILL during a burst of 500 requests costs no request;
#   4. a push and one signed webhook sent to nginx: the change is visible through nginx
#      within the cache TTL + the update;
#   5. the killed replica, started again on its DATA_DIR, fetches what it missed: both
#      replicas report the pushed contentCommit and send the same ETag again.
#   6. a service alert pushed with a webhook appears at its start and is gone at its end,
#      through nginx, within the cache TTL (1 s) plus one request (issue 23); the delays are printed.
# Exits non-zero on the first failed assertion. Everything runs in a temporary folder and
# every process started here is stopped on exit. Usage: scripts/scale-out.sh
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NGINX="${NGINX:-/usr/sbin/nginx}"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/portal-scale-out.XXXXXX")"
PIDS=()

cleanup() {
  local code=$?
  if [[ -f "$WORK/nginx.pid" ]]; then kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true; fi
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  sleep 0.2
  rm -rf "$WORK"
  exit "$code"
}
trap cleanup EXIT INT TERM

fail() { echo "FAIL: $*" >&2; exit 1; }
pass() { echo "PASS: $*"; }
free_port() { node -e 'const s=require("node:net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
header() { curl -s -o /dev/null -D - "$2" | tr -d '\r' | awk -v h="$(echo "$1" | tr 'A-Z' 'a-z')" 'tolower($1)==h":" {print $2}'; }

[[ -x "$NGINX" ]] || fail "nginx not found at $NGINX"
# `npm start` is "node <flags> <entry>": the replicas run the same flags and file, as in production.
read -r -a START_CMD <<<"$(node -p 'require(process.argv[1]).scripts.start.replace(/^node\s+/, "")' "$ROOT/package.json")"
ENTRY="$ROOT/${START_CMD[-1]}"
NODE_FLAGS=("${START_CMD[@]:0:${#START_CMD[@]}-1}")
[[ -f "$ENTRY" ]] || (cd "$ROOT" && npm run build --silent)

# The content repository: an editor's working copy and the bare repository it pushes to.
export GIT_CONFIG_GLOBAL=/dev/null GIT_AUTHOR_NAME=Editor GIT_AUTHOR_EMAIL=editor@example.org GIT_COMMITTER_NAME=Editor GIT_COMMITTER_EMAIL=editor@example.org
cp -r "$ROOT/content" "$WORK/content"
git init -q --bare -b main "$WORK/content.git"
git -C "$WORK/content" init -q -b main
git -C "$WORK/content" add -A
git -C "$WORK/content" commit -qm "content"
git -C "$WORK/content" push -q "$WORK/content.git" main
SECRET="scale-out-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"

PROXY_PORT="$(free_port)"
PORTS=("$(free_port)" "$(free_port)")
[[ "${PORTS[0]}" != "${PORTS[1]}" ]] || PORTS[1]="$(free_port)"

start_replica() {
  local i="$1"
  mkdir -p "$WORK/data$i"
  # Same repository, own clone and index: a replica is stateless apart from what it can rebuild.
  # No polling here (the webhook does it); in production a short CONTENT_POLL_SECONDS is the safety net.
  NODE_ENV=production HOST=127.0.0.1 PORT="${PORTS[$i]}" BASE_URL="http://127.0.0.1:$PROXY_PORT" \
    CONTENT_REPO="$WORK/content.git" WEBHOOK_SECRET="$SECRET" CONTENT_POLL_SECONDS=0 \
    DATA_DIR="$WORK/data$i" LOG_LEVEL=warn TRUST_PROXY=loopback \
    node "${NODE_FLAGS[@]}" "$ENTRY" >>"$WORK/replica$i.log" 2>&1 &
  PIDS[$i]="$!"
}
wait_ready() {
  local i="$1"
  for _ in $(seq 1 150); do
    curl -sf "http://127.0.0.1:${PORTS[$i]}/readyz" >/dev/null && return 0
    sleep 0.1
  done
  fail "replica $i did not become ready (see its log below)"$'\n'"$(cat "$WORK/replica$i.log")"
}
ready_field() { curl -s "http://127.0.0.1:${PORTS[$1]}/readyz" | node -pe "JSON.parse(require('fs').readFileSync(0)).$2"; }

for i in 0 1; do start_replica "$i"; done
for i in 0 1; do wait_ready "$i"; done
echo "replicas on 127.0.0.1:${PORTS[0]} and 127.0.0.1:${PORTS[1]}"

C0="$(ready_field 0 contentCommit)"
C1="$(ready_field 1 contentCommit)"
FIRST="$(git -C "$WORK/content" rev-parse HEAD)"
[[ "$C0" == "$FIRST" && "$C1" == "$FIRST" ]] || fail "the replicas deployed $C0 and $C1, not the pushed $FIRST"

V0="$(curl -s "http://127.0.0.1:${PORTS[0]}/readyz" | node -pe 'JSON.parse(require("fs").readFileSync(0)).version')"
V1="$(curl -s "http://127.0.0.1:${PORTS[1]}/readyz" | node -pe 'JSON.parse(require("fs").readFileSync(0)).version')"
[[ "$V0" == "$V1" ]] || fail "the replicas built different content versions: $V0 and $V1"
E0="$(header ETag "http://127.0.0.1:${PORTS[0]}/bg/novini/")"
E1="$(header ETag "http://127.0.0.1:${PORTS[1]}/bg/novini/")"
[[ -n "$E0" && "$E0" == "$E1" ]] || fail "the replicas sent different ETags: $E0 and $E1"
pass "both replicas deployed commit ${FIRST:0:12}, built content version $V0 and send ETag $E0 for /bg/novini/"

# The caching directives of deploy/nginx.conf, on loopback with temporary paths.
USER_LINE=""
[[ "$(id -u)" == "0" ]] && USER_LINE="user root root;"
cat >"$WORK/nginx.conf" <<EOF
$USER_LINE
worker_processes 1;
pid $WORK/nginx.pid;
error_log $WORK/nginx-error.log warn;
events { worker_connections 256; }
http {
  access_log $WORK/nginx-access.log;
  client_body_temp_path $WORK/client_temp;
  proxy_temp_path $WORK/proxy_temp;
  fastcgi_temp_path $WORK/fastcgi_temp;
  uwsgi_temp_path $WORK/uwsgi_temp;
  scgi_temp_path $WORK/scgi_temp;
  proxy_cache_path $WORK/cache levels=1:2 keys_zone=portal:10m max_size=100m inactive=10m use_temp_path=off;
  map \$http_accept_encoding \$portal_encoding { default ""; "~*\\bbr\\b" br; "~*\\bgzip\\b" gzip; }
  upstream portal {
    server 127.0.0.1:${PORTS[0]} max_fails=1 fail_timeout=10s;
    server 127.0.0.1:${PORTS[1]} max_fails=1 fail_timeout=10s;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:$PROXY_PORT;
    # The content webhook reaches every replica: one copy goes to the upstream (any live
    # replica, for the answer), and nginx's mirror module sends one copy to each replica
    # (answers ignored). A replica that misses it catches up at its next poll or start.
    location = /hooks/content {
      mirror /_hook/0;
      mirror /_hook/1;
      mirror_request_body on;
      client_max_body_size 1m;
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
    }
    location = /_hook/0 { internal; proxy_pass http://127.0.0.1:${PORTS[0]}/hooks/content; proxy_connect_timeout 1s; }
    location = /_hook/1 { internal; proxy_pass http://127.0.0.1:${PORTS[1]}/hooks/content; proxy_connect_timeout 1s; }
    location / {
      proxy_pass http://portal;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_set_header X-Forwarded-Proto \$scheme;
      proxy_cache portal;
      proxy_cache_key "\$scheme\$host\$request_uri:\$portal_encoding";
      proxy_cache_valid 200 1s;
      proxy_ignore_headers Cache-Control Expires;
      proxy_cache_use_stale error timeout updating http_500 http_502 http_503 http_504;
      proxy_cache_background_update on;
      proxy_cache_lock on;
      proxy_cache_lock_timeout 2s;
      proxy_cache_revalidate on;
      add_header X-Cache-Status \$upstream_cache_status always;
      proxy_next_upstream error timeout http_502 http_503 http_504;
      proxy_next_upstream_tries 3;
      proxy_connect_timeout 1s;
      proxy_read_timeout 15s;
    }
  }
}
EOF
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -t -q || fail "nginx rejected the configuration"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf"
PROXY="http://127.0.0.1:$PROXY_PORT"
for _ in $(seq 1 50); do curl -sf -o /dev/null "$PROXY/healthz" && break; sleep 0.1; done
echo "nginx on $PROXY"

# 2. Cache hits: the second request within the TTL never reaches a replica.
S1="$(header X-Cache-Status "$PROXY/bg/")"
S2="$(header X-Cache-Status "$PROXY/bg/")"
[[ "$S2" == "HIT" ]] || fail "expected X-Cache-Status HIT on the repeated request, got '$S1' then '$S2'"
pass "repeated /bg/ served by nginx (X-Cache-Status: $S1, then $S2)"

# 3. A replica killed in the middle of a burst: every request still answers 200. Each URL
# is distinct (an ignored parameter), so every request misses the cache and reaches a replica.
node --input-type=module -e '
  const [proxy, total, victim] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3])];
  let next = 0, failed = 0, killed = false;
  const worker = async () => {
    while (next < total) {
      const i = next++;
      if (i === Math.floor(total / 5) && !killed) { killed = true; process.kill(victim, "SIGKILL"); console.log(`SIGKILL replica (pid ${victim}) after ${i} requests`); }
      try {
        const res = await fetch(`${proxy}/bg/novini/?page=1&burst=${i}`);
        await res.arrayBuffer();
        if (res.status !== 200) { failed++; console.log(`request ${i}: ${res.status}`); }
      } catch (e) { failed++; console.log(`request ${i}: ${e.message}`); }
    }
  };
  await Promise.all(Array.from({ length: 10 }, worker));
  console.log(`${total} requests, ${failed} failed`);
  process.exit(failed ? 1 : 0);
' "$PROXY" 500 "${PIDS[0]}" || fail "requests failed while a replica was killed"
pass "replica 0 killed during a burst of 500 requests without a failed request"

# 4. A push and one signed webhook sent to nginx, as GitHub would send it; replica 0 is
# dead, so the fan-out reaches replica 1 only. The district's new name is visible through
# nginx once the update is deployed and the one-second cache entry expires.
URL="$PROXY/bg/rayoni/sredets/"
curl -s -o /dev/null "$URL"
sed -i 's/^  bg: Средец$/  bg: Средец (обновено)/' "$WORK/content/districts/sredets.yml"
grep -q "Средец (обновено)" "$WORK/content/districts/sredets.yml" || fail "could not edit the district file"
git -C "$WORK/content" commit -qam "Средец: new name"
git -C "$WORK/content" push -q "$WORK/content.git" main
PUSHED="$(git -C "$WORK/content" rev-parse HEAD)"
BODY='{"ref":"refs/heads/main"}'
SIG="sha256=$(printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET" | awk '{print $NF}')"
START="$(date +%s%N)"
CODE="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $SIG" --data "$BODY" "$PROXY/hooks/content")"
[[ "$CODE" == "202" ]] || fail "the webhook through nginx answered $CODE, not 202"
BAD="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H "X-Hub-Signature-256: sha256=$(printf '0%.0s' {1..64})" --data "$BODY" "$PROXY/hooks/content")"
[[ "$BAD" == "401" ]] || fail "a webhook with a wrong signature answered $BAD, not 401"
SEEN=""
for _ in $(seq 1 80); do
  if curl -s "$URL" | grep -q "Средец (обновено)"; then SEEN="$(( ($(date +%s%N) - START) / 1000000 ))"; break; fi
  sleep 0.1
done
[[ -n "$SEEN" ]] || fail "the pushed district name did not appear through nginx within 8 s"$'\n'"$(tail -5 "$WORK/replica1.log")"
# TTL (1 s) + fetch, switch and re-index: 4 s is a generous bound on a loaded laptop.
(( SEEN <= 4000 )) || fail "the push took ${SEEN} ms to appear (bound: 4000 ms)"
[[ "$(ready_field 1 contentCommit)" == "$PUSHED" ]] || fail "replica 1 does not report the pushed commit"
pass "push + webhook through nginx: visible after ${SEEN} ms (cache TTL 1 s + fetch, switch and re-index)"

# 5. Replica 0 comes back on its own DATA_DIR (its clone still at the first commit): it
# serves at once and fetches at start, so both replicas converge on the pushed commit.
start_replica 0
wait_ready 0
CONVERGED=""
for _ in $(seq 1 100); do
  [[ "$(ready_field 0 contentCommit)" == "$PUSHED" ]] && { CONVERGED=1; break; }
  sleep 0.1
done
[[ -n "$CONVERGED" ]] || fail "replica 0 did not reach commit $PUSHED after its restart"
for i in 0 1; do
  [[ "$(header X-Content-Commit "http://127.0.0.1:${PORTS[$i]}/bg/rayoni/sredets/")" == "$PUSHED" ]] || fail "replica $i does not send X-Content-Commit $PUSHED"
done
V0="$(ready_field 0 version)"
V1="$(ready_field 1 version)"
[[ "$V0" == "$V1" ]] || fail "after the push the replicas built different content versions: $V0 and $V1"
E0="$(header ETag "http://127.0.0.1:${PORTS[0]}/bg/rayoni/sredets/")"
E1="$(header ETag "http://127.0.0.1:${PORTS[1]}/bg/rayoni/sredets/")"
[[ -n "$E0" && "$E0" == "$E1" ]] || fail "after the push the replicas sent different ETags: $E0 and $E1"
pass "both replicas at commit ${PUSHED:0:12}, content version $V0, ETag $E0 for /bg/rayoni/sredets/"

# 6. A service alert (issue 23): pushed now with a signed webhook, it starts 6 s later and
# ends 4 s after that.
# No file changes at those moments: the replica's content version moves on with the clock,
# and nginx's one-second entries expire.
A_START=$(( $(date +%s) + 6 )); A_END=$(( A_START + 4 ))
mkdir -p "$WORK/content/alerts/bg"
printf -- '---\ntitle: Проверка на предупреждение\nkind: other\nseverity: info\ndistricts: [sredets]\nstart: %s\nend: %s\n---\nПроверка.\n' \
  "$(date -u -d "@$A_START" +%Y-%m-%dT%H:%M:%SZ)" "$(date -u -d "@$A_END" +%Y-%m-%dT%H:%M:%SZ)" >"$WORK/content/alerts/bg/scale-out.md"
git -C "$WORK/content" add alerts/bg/scale-out.md
git -C "$WORK/content" commit -qm "A service alert"
git -C "$WORK/content" push -q "$WORK/content.git" main
CODE="$(curl -s -o /dev/null -w '%{http_code}' -X POST -H 'Content-Type: application/json' -H "X-Hub-Signature-256: $SIG" --data "$BODY" "$PROXY/hooks/content")"
[[ "$CODE" == "202" ]] || fail "the alert's webhook through nginx answered $CODE, not 202"
# Prints the milliseconds from $2 (epoch seconds) until the page shows (1) or stops showing (0) the alert.
alert_delay() {
  for _ in $(seq 1 200); do
    local body shown=0
    # Only a whole 200 page counts: a failed request shows neither state.
    body="$(curl -s -w '\n%{http_code}' "$URL")"
    if [[ "${body##*$'\n'}" == 200 ]]; then
      grep -q "Проверка на предупреждение" <<<"$body" && shown=1
      if (( shown == $1 )); then echo $(( $(date +%s%N) / 1000000 - $2 * 1000 )); return; fi
    fi
    sleep 0.05
  done
  echo "never"
}
APPEAR="$(alert_delay 1 "$A_START")"
[[ "$APPEAR" != never ]] || fail "the alert did not appear through nginx"
(( APPEAR >= 0 && APPEAR <= 2000 )) || fail "the alert appeared ${APPEAR} ms after its start (bound: 0 to 2000 ms)"
GONE="$(alert_delay 0 "$A_END")"
[[ "$GONE" != never ]] || fail "the alert did not disappear through nginx"
(( GONE >= 0 && GONE <= 2000 )) || fail "the alert disappeared ${GONE} ms after its end (bound: 0 to 2000 ms)"
pass "alert appeared ${APPEAR} ms after its start and was gone ${GONE} ms after its end, through nginx (TTL 1 s)"
echo "all scale-out checks passed"
