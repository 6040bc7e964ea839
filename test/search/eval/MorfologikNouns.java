// Dumps the noun forms of the Morfologik Polish dictionary (PoliMorf) as "form<TAB>lemma"
// lines, for irregular.ts beside this file. Needs Java and the Debian package
// libmorfologik-stemming2-java (with its dependency libcarrotsearch-hppc-java):
//   CP=$(ls /usr/share/java/{morfologik,hppc}*.jar | tr "\n" :)
//   javac -cp "$CP" -d /tmp MorfologikNouns.java && java -cp "$CP:/tmp" MorfologikNouns > /tmp/nouns.tsv
import morfologik.stemming.*;
import morfologik.stemming.polish.PolishStemmer;
import java.io.*;
public class MorfologikNouns {
  public static void main(String[] a) throws Exception {
    morfologik.stemming.Dictionary d = new PolishStemmer().getDictionary();
    PrintStream out = new PrintStream(new BufferedOutputStream(System.out, 1 << 16), false, "UTF-8");
    DictionaryIterator it = new DictionaryIterator(d, d.metadata.getDecoder(), true);
    while (it.hasNext()) {
      WordData w = it.next();
      String form = w.getWord().toString(), lemma = w.getStem().toString(), tag = w.getTag().toString();
      if (!tag.contains("subst") || lemma.length() < 2 || !Character.isLowerCase(lemma.charAt(0)) || form.equals(lemma)) continue;
      out.println(form + "\t" + lemma);
    }
    out.flush();
  }
}
