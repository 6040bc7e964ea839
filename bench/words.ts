// Vocabulary for the synthetic benchmark corpus: real district names and everyday
// municipal news phrases in both languages, so titles, slugs, stemming and search
// behave as they would on real content.

/** The 24 administrative districts of Sofia (Закон за административно-териториалното устройство). */
export const SOFIA: readonly [string, string, string][] = [
  ["sredets", "Средец", "Sredec"], ["krasno-selo", "Красно село", "Krasno Sieło"], ["vazrazhdane", "Възраждане", "Wyzrażdane"],
  ["oborishte", "Оборище", "Oboriszte"], ["serdika", "Сердика", "Serdika"], ["poduyane", "Подуяне", "Podujane"],
  ["slatina", "Слатина", "Slatina"], ["izgrev", "Изгрев", "Izgrew"], ["lozenets", "Лозенец", "Łozenec"],
  ["triaditsa", "Триадица", "Triadica"], ["krasna-polyana", "Красна поляна", "Krasna Polana"], ["ilinden", "Илинден", "Ilinden"],
  ["nadezhda", "Надежда", "Nadeżda"], ["iskar", "Искър", "Iskyr"], ["mladost", "Младост", "Młodost"],
  ["studentski", "Студентски", "Studentski"], ["vitosha", "Витоша", "Witosza"], ["ovcha-kupel", "Овча купел", "Owcza Kupel"],
  ["lyulin", "Люлин", "Lulin"], ["vrabnitsa", "Връбница", "Wrybnica"], ["novi-iskar", "Нови Искър", "Nowy Iskyr"],
  ["kremikovtsi", "Кремиковци", "Kremikowci"], ["pancharevo", "Панчарево", "Panczarewo"], ["bankya", "Банкя", "Bankja"],
];

/** 34 districts of Gdańsk and 21 of Gdynia (the Tricity metropolitan area): 55 in all. */
const TRICITY = [
  "Aniołki", "Brętowo", "Brzeźno", "Chełm", "Jasień", "Kokoszki", "Letnica", "Matarnia", "Młyniska", "Nowy Port", "Oliwa",
  "Olszynka", "Osowa", "Piecki-Migowo", "Przeróbka", "Przymorze Małe", "Przymorze Wielkie", "Rudniki", "Siedlce", "Stogi",
  "Strzyża", "Suchanino", "Śródmieście", "Ujeścisko-Łostowice", "VII Dwór", "Wrzeszcz Dolny", "Wrzeszcz Górny",
  "Wyspa Sobieszewska", "Wzgórze Mickiewicza", "Zaspa-Młyniec", "Zaspa-Rozstaje", "Żabianka", "Orunia", "Krakowiec",
  "Babie Doły", "Chwarzno-Wiczlino", "Chylonia", "Cisowa", "Dąbrowa", "Działki Leśne", "Grabówek", "Kamienna Góra",
  "Karwiny", "Leszczynki", "Mały Kack", "Obłuże", "Oksywie", "Orłowo", "Pogórze", "Pustki Cisowskie", "Redłowo",
  "Wielki Kack", "Witomino", "Wzgórze Św. Maksymiliana", "Gdynia Śródmieście",
];
export const METRO: readonly string[] = TRICITY;

export const BG = {
  topics: ["ремонт на улица", "нова детска площадка", "зелена система", "градски транспорт", "събиране на отпадъци", "саниране на блок", "енергийна ефективност", "училищен двор", "обществено обсъждане", "културен календар", "велоалея", "паркиране", "водопровод", "улично осветление", "спортна зала", "читалище", "пазар", "зимно почистване", "засаждане на дървета", "пешеходна зона"],
  verbs: ["започва", "приключи", "продължава", "се отлага", "се разширява", "получава финансиране", "се обсъжда", "се обновява"],
  places: ["на ул. „Граф Игнатиев“", "в квартал „Лозенец“", "до метростанция", "пред районната администрация", "в Южния парк", "на бул. „Витоша“", "около пазара", "в междублоковото пространство", "при училището", "по поречието на реката"],
  months: ["януари", "февруари", "март", "април", "май", "юни", "юли", "август", "септември", "октомври", "ноември", "декември"],
  words: ["жителите", "районът", "администрацията", "общината", "проектът", "изпълнителят", "кметът", "гражданите", "средствата", "работите", "срокът", "улицата", "паркът", "училището", "транспортът", "договорът", "бюджетът", "съветниците", "инвестицията", "движението"],
  links: ["ще бъдат", "са предвидени", "беше обявено", "ще продължи", "трябва да", "може да", "се очаква", "според плана"],
  ends: ["до края на годината", "в рамките на два месеца", "след обществено обсъждане", "със средства от бюджета", "с европейско финансиране", "без прекъсване на движението"],
  headings: ["Какво предстои", "Срокове", "Организация на движението", "Финансиране", "Мнението на жителите", "Контакти"],
  tags: ["ремонт", "транспорт", "екология", "образование", "култура", "спорт", "бюджет", "паркове", "безопасност", "социални услуги", "инфраструктура", "обществено обсъждане", "здраве", "младежи", "туризъм"],
  authors: ["Пресцентър на района", "Редакция", "Отдел „Връзки с обществеността“"],
  quote: "— заяви кметът на района.",
};

export const PL = {
  topics: ["remont ulicy", "nowy plac zabaw", "zieleń miejska", "komunikacja miejska", "odbiór odpadów", "termomodernizacja", "efektywność energetyczna", "boisko szkolne", "konsultacje społeczne", "kalendarz kulturalny", "droga rowerowa", "parkowanie", "wodociąg", "oświetlenie uliczne", "hala sportowa", "dom sąsiedzki", "targowisko", "zimowe utrzymanie", "sadzenie drzew", "strefa piesza"],
  verbs: ["rusza", "zakończony", "trwa", "przesunięty", "rozszerzony", "z dofinansowaniem", "do konsultacji", "po modernizacji"],
  places: ["przy ulicy Grunwaldzkiej", "w Oliwie", "obok przystanku SKM", "przed urzędem dzielnicy", "w Parku Oliwskim", "na Długim Targu", "koło targowiska", "między blokami", "przy szkole", "wzdłuż potoku"],
  months: ["stycznia", "lutego", "marca", "kwietnia", "maja", "czerwca", "lipca", "sierpnia", "września", "października", "listopada", "grudnia"],
  words: ["mieszkańcy", "dzielnica", "urząd", "miasto", "projekt", "wykonawca", "prezydent", "radni", "środki", "prace", "termin", "ulica", "park", "szkoła", "tramwaj", "umowa", "budżet", "rada dzielnicy", "inwestycja", "ruch"],
  links: ["będą", "zostały zaplanowane", "ogłoszono, że", "potrwają", "muszą", "mogą", "oczekuje się, że", "zgodnie z planem"],
  ends: ["do końca roku", "w ciągu dwóch miesięcy", "po konsultacjach społecznych", "ze środków budżetu", "z funduszy europejskich", "bez wstrzymywania ruchu"],
  headings: ["Co dalej", "Terminy", "Organizacja ruchu", "Finansowanie", "Głos mieszkańców", "Kontakt"],
  tags: ["remont", "transport", "ekologia", "edukacja", "kultura", "sport", "budżet", "parki", "bezpieczeństwo", "pomoc społeczna", "infrastruktura", "konsultacje", "zdrowie", "młodzież", "turystyka"],
  authors: ["Redakcja portalu", "Biuro prasowe", "Rada Dzielnicy"],
  quote: "– mówi burmistrz dzielnicy.",
};

export type Vocabulary = typeof BG;
