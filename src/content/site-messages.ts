// Editor messages of the site identity file (content/site.yml) and of the public-body
// links in district files, each with an id and its English, Bulgarian and Polish wording.
// Kept together so they can be folded into the editor message catalogue
// (src/content/messages.ts) in one move; the portal prints the English text for now.

export interface SiteMessage {
  readonly en: string;
  readonly bg: string;
  readonly pl: string;
}

export const SITE_MESSAGES = {
  "site.contrast": {
    en: "{{colour}} has a contrast of {{ratio}}:1 with white, below the 4.5:1 that WCAG AA asks for text — choose a darker colour (the portal uses its neutral colour until then)",
    bg: "{{colour}} има контраст {{ratio}}:1 с бялото, под 4,5:1, които WCAG AA изисква за текст — изберете по-тъмен цвят (дотогава порталът използва неутралния си цвят)",
    pl: "{{colour}} ma kontrast {{ratio}}:1 z bielą, poniżej 4,5:1 wymaganego przez WCAG AA dla tekstu — wybierz ciemniejszy kolor (do tego czasu portal używa swojego neutralnego koloru)",
  },
  "site.colour": {
    en: "must be a colour written as #rrggbb, such as #7a1f2b",
    bg: "трябва да е цвят, записан като #rrggbb, например #7a1f2b",
    pl: "musi być kolorem zapisanym jako #rrggbb, np. #7a1f2b",
  },
  "site.logoPath": {
    en: "must be the name of an .svg or .png file inside the content folder, such as site/crest.svg",
    bg: "трябва да е име на .svg или .png файл в папката със съдържание, например site/crest.svg",
    pl: "musi być nazwą pliku .svg lub .png w folderze z treścią, np. site/crest.svg",
  },
  "site.logoMissing": {
    en: "{{file}} is not a file in the content folder (or is a symbolic link) — put the logo there (the header shows only the name until then)",
    bg: "{{file}} не е файл в папката със съдържание (или е символна връзка) — поставете логото там (дотогава в заглавието се показва само името)",
    pl: "{{file}} nie jest plikiem w folderze z treścią (albo jest dowiązaniem symbolicznym) — umieść tam logo (do tego czasu nagłówek pokazuje tylko nazwę)",
  },
  "site.logoBroken": {
    en: "{{file}} is not a readable {{format}} picture of at most {{max}} KB — save it again as SVG or PNG",
    bg: "{{file}} не е четима {{format}} картинка до {{max}} KB — запишете я отново като SVG или PNG",
    pl: "{{file}} nie jest czytelnym obrazem {{format}} o rozmiarze do {{max}} KB — zapisz go ponownie jako SVG lub PNG",
  },
  "site.logoScript": {
    en: "{{file}} contains script or links to other files — export the drawing as a plain SVG (shapes and text only)",
    bg: "{{file}} съдържа скрипт или връзки към други файлове — изнесете рисунката като обикновен SVG (само фигури и текст)",
    pl: "{{file}} zawiera skrypt lub odwołania do innych plików — wyeksportuj rysunek jako zwykły SVG (tylko kształty i tekst)",
  },
  "district.link": {
    en: "must be a web address starting with https://",
    bg: "трябва да е уеб адрес, започващ с https://",
    pl: "musi być adresem internetowym zaczynającym się od https://",
  },
} as const satisfies Record<string, SiteMessage>;

export type SiteMessageId = keyof typeof SITE_MESSAGES;

/** The English wording of a message with its {{placeholders}} filled. */
export function siteMessage(id: SiteMessageId, values: Record<string, string | number> = {}): string {
  return SITE_MESSAGES[id].en.replace(/\{\{(\w+)\}\}/g, (_m, key: string) => String(values[key] ?? ""));
}
