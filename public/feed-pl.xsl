<?xml version="1.0" encoding="UTF-8"?>
<!-- A feed opened in a browser becomes a readable page (in Polish): what a feed is, how to
     subscribe, and the latest articles with links. Feed readers ignore this stylesheet and
     read the RSS or Atom document itself. Served from public/ by the portal; the href of
     the stylesheet below is rewritten to its fingerprinted address at start. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:a="http://www.w3.org/2005/Atom" xmlns:dc="http://purl.org/dc/elements/1.1/" exclude-result-prefixes="a dc">
  <xsl:output method="html" encoding="UTF-8" doctype-system="about:legacy-compat"/>
  <xsl:variable name="title" select="/rss/channel/title | /a:feed/a:title"/>
  <xsl:variable name="page" select="/rss/channel/link | /a:feed/a:link[@rel='alternate']/@href"/>
  <xsl:template match="/">
    <html lang="pl" dir="ltr">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <meta name="robots" content="noindex"/>
        <title><xsl:value-of select="$title"/> (kanał RSS)</title>
        <link rel="stylesheet" href="css/site.css"/>
      </head>
      <body>
        <header class="site-header">
          <div class="brand-band"><div class="wrap header-row"><a class="site-name" href="{$page}"><span><xsl:value-of select="$title"/></span></a></div></div>
        </header>
        <main id="main" class="wrap">
          <h1><xsl:value-of select="$title"/></h1>
          <p class="banner">To jest kanał z wiadomościami (RSS). Przeglądarka pokazuje go jako stronę, ale jest przeznaczony dla czytników wiadomości.</p>
          <p>Aby otrzymywać wiadomości automatycznie, skopiuj adres tej strony z paska adresu i dodaj go do swojego czytnika (np. Feedly, Inoreader lub NetNewsWire).</p>
          <p><a class="more" href="{$page}">Przejdź do strony z wiadomościami w serwisie</a></p>
          <h2>Najnowsze wiadomości w kanale</h2>
          <ul class="card-list">
            <xsl:for-each select="/rss/channel/item | /a:feed/a:entry">
              <li>
                <article class="card">
                  <h3 class="card-title"><a href="{link | a:link[@rel='alternate']/@href}"><xsl:value-of select="title | a:title"/></a></h3>
                  <p class="card-meta">
                    <xsl:choose>
                      <xsl:when test="pubDate"><xsl:value-of select="substring(pubDate, 6, 11)"/></xsl:when>
                      <xsl:otherwise><xsl:value-of select="substring(a:published, 1, 10)"/></xsl:otherwise>
                    </xsl:choose>
                  </p>
                  <p class="card-summary"><xsl:value-of select="description | a:summary"/></p>
                </article>
              </li>
            </xsl:for-each>
          </ul>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
