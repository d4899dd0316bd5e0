//! Sentence segmentation against a judged set (issue 23, first part): paragraphs written as
//! lists of their sentences, with the traps of news text — abbreviations, decimals and dates,
//! ordinal days, initials, quotes, ellipses, headings without a full stop. The boundaries are
//! judged by how each paragraph was written, before the splitter was run on it.

use parallel_reader::sentence::split;

/// `(language, paragraphs)`; each paragraph a list of its sentences, joined by one space.
const JUDGED: [(&str, &[&[&str]]); 10] = [
    (
        "sv",
        &[
            &[
                "Mässlingen sprider sig igen i Europa.",
                "Enligt WHO rapporterades 127 350 fall under 2024.",
                "Det är det högsta antalet sedan 1997.",
                "Varför ökar smittan?",
            ],
            &[
                "Vaccinationsgraden har sjunkit, t.ex. i Rumänien.",
                "Där insjuknade 30 692 personer.",
                "Experter varnar: ”Två doser behövs för fullt skydd.”",
            ],
            &[
                "Masayoshi Son grundade SoftBank 1981.",
                "Han investerade 20 miljoner dollar i Alibaba år 2000.",
                "Andelen var senare värd ca. 74 miljarder dollar.",
                "Det kallas ofta hans bästa affär.",
            ],
            &[
                "WeWork blev däremot ett misslyckande.",
                "SoftBank investerade totalt mer än 10 miljarder dollar, bl.a. genom Vision Fund.",
                "Värderingen sjönk från 47 till 2,9 miljarder dollar.",
                "Bolaget ansökte om konkurs i november 2023.",
            ],
            &[
                "Vad betyder det för Nvidia?",
                "Enligt UBS är riktpriset 235 dollar, d.v.s. klart över dagens kurs.",
                "Aktien föll 1,6 procent i förhandeln den 12.11.2025.",
                "Sedan steg den igen…",
            ],
            &["• 32,1 miljoner aktier såldes i oktober"],
            &[
                "Prof. A. Lindqvist vid Handelshögskolan säger: ”Det här är en strategisk omställning.”",
                "Hon tillägger att risken är stor.",
                "Marknaden håller med, t.ex. i Tokyo.",
            ],
            &[
                "Japanska SoftBank Group har sålt hela sin andel i Nvidia för 5,83 miljarder dollar.",
                "Försäljningen omfattade 32,1 miljoner aktier och ägde rum i oktober 2025.",
                "Den offentliggjordes först den 11 november 2025.",
            ],
            &[
                "Varför säljer SoftBank just nu?",
                "Enligt bl.a. Reuters behöver bolaget kapital, t.ex. för OpenAI.",
                "Finansdirektören sa: ”Vi vill erbjuda investerare fler möjligheter.”",
                "Aktien föll med ca. 10 procent!",
            ],
            &[
                "Vinsten var 2,5 biljoner yen, d.v.s. cirka 16,2 miljarder dollar.",
                "Det är den högsta kvartalsvinsten på tre år.",
                "Dr. Masayoshi Son kommenterade inte saken.",
            ],
            &[
                "Hur stor var försäljningen?",
                "Snittpriset var cirka 181 dollar per aktie kl. 14.30 svensk tid.",
                "Det motsvarar 5,83 mdr. dollar totalt… eller mer.",
            ],
            &["Lämplig för detta:"],
            &[
                "Ampere köptes för 6,5 miljarder dollar.",
                "Säljarna var bl.a. Carlyle med 59,65 procent och Oracle med 32,27 procent.",
                "Affären väntas bli klar under andra halvåret 2025.",
                "Fanuc är fortfarande störst.",
            ],
            &[
                "Stargate-projektet presenterades i januari 2025 i Vita huset.",
                "OpenAI, Oracle och SoftBank vill investera upp till 500 miljarder dollar.",
                "Kapaciteten ska bli 1,5 gigawatt inom 18 månader.",
                "Är det realistiskt?",
            ],
            &[
                "Investeringen i OpenAI gav 2,16 biljoner yen.",
                "Resten kom från Vision Fund 2.",
                "Analytikern J. Bulk på New Street Research var inte förvånad.",
            ],
        ],
    ),
    (
        "nl",
        &[
            &[
                "Mazelen verspreiden zich weer in Europa.",
                "Volgens de WHO waren er in 2024 127.350 gevallen.",
                "Dat is het hoogste aantal sinds 1997.",
                "Hoe kan dat?",
            ],
            &[
                "De vaccinatiegraad is gedaald, bijv. in Roemenië.",
                "Daar werden 30.692 mensen ziek.",
                "Experts waarschuwen: „Twee doses zijn nodig.”",
            ],
            &[
                "SoftBank investeerde in 2017 ongeveer $ 4 miljard in Nvidia.",
                "Begin 2019 werd dat belang verkocht.",
                "Vandaag zou het ca. $ 150 tot 200 miljard waard zijn.",
                "Een dure vergissing, vinden velen.",
            ],
            &[
                "De beurs in Tokio reageerde nerveus.",
                "Op 12 november daalde het aandeel met bijna 10 procent.",
                "Later herstelde het zich enigszins.",
            ],
            &[
                "Volgens prof. De Vries is de strategie riskant.",
                "„Het is een gok op de toekomst”, zegt hij.",
                "Anderen zijn positiever, o.a. analisten van UBS.",
                "Wie heeft gelijk?",
            ],
            &["Wat gebeurde er precies?"],
            &[
                "De Stargate-investering bedraagt tot $ 500 miljard over vier jaar.",
                "Eerst wordt $ 100 miljard geïnvesteerd.",
                "Er komen naar verwachting 100.000 banen bij.",
            ],
            &[
                "De Japanse SoftBank Group heeft zijn volledige belang in Nvidia verkocht.",
                "Voor $ 5,83 miljard deed de investeerder afstand van alle aandelen.",
                "Dat meldde o.a. Reuters op 11.11.2025.",
            ],
            &[
                "Waarom verkoopt SoftBank nu?",
                "Het bedrijf heeft kapitaal nodig, bijv. voor de investering in OpenAI.",
                "De winst steeg tot € 5,83 mld.",
                "Dat is het hoogste bedrag in drie jaar.",
            ],
            &[
                "Oprichter Masayoshi Son zei: „We verkopen niet uit angst.”",
                "Volgens dr. Bulk is de verkoop logisch.",
                "De koers daalde met ca. 1,6 procent in de voorbeurshandel.",
            ],
            &["Geschikt hiervoor:"],
            &[
                "De verkoop omvatte 32,1 miljoen aandelen tegen gemiddeld $ 181 per aandeel.",
                "In maart 2025 was het belang nog ruim $ 3 miljard waard.",
                "Wat volgt er nu? [...]",
                "Dat is nog onduidelijk.",
            ],
        ],
    ),
    (
        "de",
        &[
            &[
                "Die Masern breiten sich in Europa wieder aus.",
                "Laut WHO gab es 2024 rund 127.350 Fälle.",
                "Das ist die höchste Zahl seit 1997.",
                "Woran liegt das?",
            ],
            &[
                "Die Impfquote ist gesunken, z.B. in Rumänien.",
                "Dort erkrankten 30.692 Menschen.",
                "Experten warnen: „Zwei Dosen sind nötig.“",
            ],
            &[
                "Masayoshi Son gründete SoftBank im Jahr 1981.",
                "Im Jahr 2000 investierte er 20 Mio. US-Dollar in Alibaba.",
                "Der Anteil war später rund 74 Mrd. Dollar wert.",
            ],
            &[
                "„Wir verkaufen nicht aus Angst“, sagte Finanzchef Goto.",
                "Das Geld fließe u.a. in OpenAI.",
                "Insgesamt sollen dort bis zu 30 Mrd. Dollar investiert werden.",
                "Ist das klug?",
            ],
            &[
                "Die Deutsche Telekom hielt Ende März 2025 knapp 59 Prozent an T-Mobile US.",
                "SoftBank verkaufte im Juni 21,5 Mio. Aktien für ca. 4,8 Mrd. Dollar.",
                "Der Preis lag bei 224 Dollar je Aktie.",
            ],
            &["Was bedeutet das für Nvidia?"],
            &[
                "Dr. Klaus Weber von der Uni Frankfurt sieht darin kein Warnsignal.",
                "Die Nachfrage nach Chips sei ungebrochen.",
                "Am 19. November legt Nvidia Zahlen vor.",
            ],
            &[
                "Der japanische Technologieriese SoftBank hat alle Nvidia-Aktien verkauft.",
                "Der Erlös betrug 5,83 Mrd. US-Dollar.",
                "Das gab der Konzern am 11. November bekannt.",
            ],
            &[
                "Am 3. Oktober begann der Verkauf von 32,1 Mio. Aktien.",
                "Die Aktien wurden z.B. über die Börse verkauft, d.h. nicht direkt.",
                "Warum gerade jetzt?",
            ],
            &[
                "Der Nettogewinn stieg auf 2,5 Billionen Yen (16,6 Milliarden US-Dollar).",
                "Das ist u.a. der Beteiligung an OpenAI zu verdanken.",
                "Prof. Dr. Müller nannte den Schritt „folgerichtig“.",
            ],
            &["Hintergrund"],
            &[
                "SoftBank kaufte 2017 Anteile an Nvidia für rund 4 Mrd. US-Dollar.",
                "Anfang 2019 wurde das Paket verkauft.",
                "Heute wäre es ca. 150 bis 200 Mrd. Dollar wert.",
                "Ein teurer Fehler, meinen viele.",
            ],
            &[
                "Die Börse in Tokio reagierte nervös.",
                "Am 12. November fiel die Aktie um bis zu 10 Prozent.",
                "Später erholte sie sich etwas.",
            ],
            &[
                "Nach Angaben von Insidern sprach SoftBank mit Banken über einen Kredit von ca. 10 Mrd. Dollar.",
                "Die Aktie fiel um 10 Prozent.",
                "Analysten sehen das gelassen; die Lage sei bzw. bleibe stabil.",
            ],
        ],
    ),
    (
        "en",
        &[
            &[
                "Measles is spreading again in Europe.",
                "According to the WHO, there were 127,350 cases in 2024.",
                "That is the highest number since 1997.",
                "Why is it rising?",
            ],
            &[
                "Vaccination rates have fallen, e.g. in Romania.",
                "There, 30,692 people fell ill.",
                "Experts warn: \"Two doses are needed for full protection.\"",
            ],
            &[
                "Masayoshi Son founded SoftBank in 1981.",
                "In 2000 he invested $20 million in Alibaba.",
                "That stake was later worth about $74 billion.",
                "Many call it his best deal ever.",
            ],
            &[
                "WeWork, by contrast, was a failure.",
                "SoftBank put in more than $10 billion, e.g. through the Vision Fund.",
                "The valuation fell from $47 billion to $2.9 billion.",
                "The company filed for bankruptcy in Nov. 2023.",
            ],
            &[
                "What does it mean for Nvidia?",
                "UBS kept its price target of $235, well above the current level.",
                "Nvidia shares fell 1.6% in premarket trading on 12.11.2025.",
                "They later recovered...",
            ],
            &["Related coverage"],
            &[
                "Prof. A. B. Smith of Stanford called it \"a strategic shift\".",
                "She added that the risk is high.",
                "Investors in Tokyo agreed.",
            ],
            &[
                "SoftBank Group said on Tuesday it had sold all its Nvidia shares.",
                "The sale raised $5.83 billion.",
                "It was disclosed on Nov. 11 with the quarterly results.",
            ],
            &[
                "Founder Masayoshi Son did not comment.",
                "Chief financial officer Yoshimitsu Goto said: \"We want to offer investors many opportunities.\"",
                "Why now?",
                "Analysts at e.g. New Street Research saw no bearish signal.",
            ],
            &[
                "Dr. Son met U.S. officials in Washington.",
                "The Stargate project plans up to $500 billion of data centers.",
                "Shares fell 10% in Tokyo...",
                "They recovered later.",
            ],
            &["SoftBank sells its Nvidia stake"],
            &[
                "The Vision Fund was set up in 2017 with $100 billion.",
                "Saudi Arabia's Public Investment Fund put in $45 billion.",
                "Its results have been mixed.",
                "WeWork alone cost more than $10 billion.",
            ],
            &[
                "Mr. Trump announced the project in January 2025.",
                "Oracle will build three new sites in Texas, New Mexico and the Midwest.",
                "SoftBank will add two more in Ohio and Texas.",
            ],
            &[
                "The 32.1 million shares sold at an average of about $181 each.",
                "In 2019 SoftBank sold a 4.9% stake for $3.6 billion.",
                "That stake would be worth $150-200 billion today, i.e. far more.",
            ],
            &[
                "Rolf Bulk of New Street Research said the sale was not a cautious stance.",
                "J. P. Morgan analysts agreed.",
                "The results were published at 3:30 p.m. Tokyo time.",
            ],
        ],
    ),
    (
        "fr",
        &[
            &[
                "La rougeole progresse à nouveau en Europe.",
                "Selon l'OMS, 127 350 cas ont été signalés en 2024.",
                "C'est le nombre le plus élevé depuis 1997.",
                "Pourquoi ?",
            ],
            &[
                "La couverture vaccinale a baissé, p.ex. en Roumanie.",
                "Là-bas, 30 692 personnes sont tombées malades.",
            ],
            &[
                "Masayoshi Son a fondé SoftBank en 1981.",
                "En 2000, il a investi 20 millions de dollars dans Alibaba.",
                "Cette participation a valu ensuite environ 74 milliards de dollars.",
            ],
            &[
                "Qu'en pense le marché ?",
                "L'action a chuté de 10 % à Tokyo le 12 novembre.",
                "Elle s'est ensuite reprise, p.ex. mercredi après-midi.",
                "M. Goto reste confiant.",
            ],
            &[
                "Le fonds Vision Fund a été créé en 2017 avec 100 milliards de dollars.",
                "L'Arabie saoudite y a apporté 45 milliards.",
                "Les résultats sont mitigés…",
                "WeWork a coûté plus de 10 milliards de dollars.",
            ],
            &[
                "SoftBank a vendu toutes ses actions Nvidia pour 5,83 milliards de dollars.",
                "La vente a eu lieu en octobre 2025.",
                "Elle a été annoncée le 11 novembre.",
            ],
            &[
                "Pourquoi maintenant ?",
                "Le groupe a besoin de capitaux, p.ex. pour OpenAI.",
                "M. Son n'a pas commenté.",
                "Selon l'OMS, rien à voir !",
            ],
            &[
                "Le bénéfice net a atteint 2 500 milliards de yens, soit environ 16,2 milliards de dollars.",
                "C'est le plus haut niveau depuis trois ans.",
                "« Nous voulons offrir de nombreuses opportunités », a dit le directeur financier.",
            ],
            &[
                "Le projet Stargate prévoit jusqu'à 500 milliards de dollars d'investissements.",
                "Les travaux ont commencé au Texas.",
                "D'autres sites suivront en 2026.",
            ],
        ],
    ),
    (
        "es",
        &[
            &[
                "El sarampión vuelve a propagarse en Europa.",
                "Según la OMS, hubo 127.350 casos en 2024.",
                "Es la cifra más alta desde 1997.",
                "¿Por qué?",
            ],
            &[
                "La vacunación ha caído, p.ej. en Rumanía.",
                "Allí enfermaron 30.692 personas.",
            ],
            &[
                "Masayoshi Son fundó SoftBank en 1981.",
                "En 2000 invirtió 20 millones de dólares en Alibaba.",
                "Esa participación llegó a valer unos 74.000 millones de dólares.",
            ],
            &[
                "¿Qué significa esto para Nvidia?",
                "Las acciones cayeron un 1,6 % antes de la apertura.",
                "Después se recuperaron.",
                "La Dra. López no se sorprendió.",
            ],
            &[
                "SoftBank vendió todas sus acciones de Nvidia por 5.830 millones de dólares.",
                "La operación se anunció el 11 de noviembre.",
                "¿Por qué ahora?",
            ],
            &[
                "El Sr. Son no hizo comentarios.",
                "El beneficio neto fue de 2,5 billones de yenes.",
                "Es el más alto en tres años.",
            ],
        ],
    ),
    (
        "it",
        &[
            &[
                "Il morbillo si diffonde di nuovo in Europa.",
                "Secondo l'OMS, nel 2024 ci sono stati 127.350 casi.",
                "È il numero più alto dal 1997.",
                "Perché?",
            ],
            &[
                "La copertura vaccinale è scesa, ad es. in Romania.",
                "Lì si sono ammalate 30.692 persone.",
            ],
            &[
                "Masayoshi Son ha fondato SoftBank nel 1981.",
                "Nel 2000 ha investito 20 milioni di dollari in Alibaba.",
                "Quella quota è poi valsa circa 74 miliardi di dollari.",
            ],
            &[
                "Cosa significa per Nvidia?",
                "Il dott. Bianchi non è sorpreso.",
                "Le azioni sono calate dell'1,6 per cento prima dell'apertura.",
                "Poi hanno recuperato.",
            ],
            &[
                "SoftBank ha venduto tutte le azioni Nvidia per 5,83 miliardi di dollari.",
                "La vendita è avvenuta a ottobre.",
                "Perché adesso?",
            ],
            &[
                "Il prof. Rossi ha commentato la notizia.",
                "Le azioni sono scese del 10 per cento.",
                "Poi si sono riprese.",
            ],
        ],
    ),
    (
        "da",
        &[
            &[
                "Danmark vil bygge 13 nye havvindmølleparker.",
                "Udbuddet åbner den 1. oktober.",
                "Staten giver op til 55,2 mia. kr. i støtte.",
                "Er det nok?",
            ],
            &[
                "Ministeren siger, at parkerne bl.a. skal levere 10 GW.",
                "Den første park ventes klar i 2030.",
            ],
            &[
                "Masayoshi Son grundlagde SoftBank i 1981.",
                "I 2000 investerede han 20 mio. dollar i Alibaba.",
                "Andelen var senere værd ca. 74 mia. dollar.",
                "Det kaldes ofte hans bedste handel.",
            ],
            &[
                "Hvad betyder det for Nvidia?",
                "Aktien faldt 1,6 procent før åbningen den 12. november.",
                "Senere steg den igen.",
            ],
            &[
                "SoftBank har solgt alle sine aktier i Nvidia.",
                "Salget indbragte 5,83 mia. dollar.",
                "Det blev offentliggjort den 11. november.",
            ],
            &[
                "Virksomheden har bl.a. brug for kapital til OpenAI.",
                "Overskuddet var f.eks. på ca. 2,5 billioner yen.",
                "Hvorfor nu?",
            ],
            &[
                "Tilskuddet er på 55,2 mia. kr.",
                "Det er det største nogensinde.",
                "Ministeren siger: ”Vi bygger 13 havvindmølleparker.”",
            ],
        ],
    ),
    (
        "nb",
        &[
            &[
                "Danmark skal bygge 13 nye havvindparker.",
                "Anbudet åpner den 1. oktober.",
                "Staten gir opptil 55,2 milliarder danske kroner i støtte.",
                "Er det nok?",
            ],
            &[
                "Ministeren sier at parkene bl.a. skal levere 10 GW.",
                "Den første parken ventes ferdig i 2030.",
            ],
            &[
                "Masayoshi Son grunnla SoftBank i 1981.",
                "I 2000 investerte han 20 millioner dollar i Alibaba.",
                "Andelen var senere verdt ca. 74 milliarder dollar.",
            ],
            &[
                "Hva betyr det for Nvidia?",
                "Aksjen falt 1,6 prosent før åpningen den 12. november.",
                "Senere steg den igjen.",
                "Dr. Hansen er ikke overrasket.",
            ],
            &[
                "SoftBank har solgt alle aksjene sine i Nvidia.",
                "Salget ga 5,83 milliarder dollar.",
                "Det ble kjent den 11. november.",
            ],
            &[
                "Selskapet trenger bl.a. penger til OpenAI.",
                "Aksjen falt med ca. 10 prosent.",
                "Hva skjer nå?",
            ],
        ],
    ),
    (
        "pl",
        &[
            &[
                "Dania zbuduje 13 nowych morskich farm wiatrowych.",
                "Przetarg rusza 1 października.",
                "Państwo przeznaczy na to do 55,2 mld koron.",
                "Czy to wystarczy?",
            ],
            &[
                "Minister mówi, że farmy mają m.in. dostarczyć 10 GW.",
                "Pierwsza farma ma być gotowa w 2030 r.",
            ],
            &[
                "Masayoshi Son założył SoftBank w 1981 r.",
                "W 2000 r. zainwestował 20 mln dolarów w Alibabę.",
                "Udział ten był później wart ok. 74 mld dolarów.",
            ],
            &[
                "Co to oznacza dla Nvidii?",
                "Akcje spadły o 1,6 proc. przed otwarciem sesji.",
                "Później odrobiły straty.",
                "Prof. Kowalski nie jest zaskoczony.",
            ],
            &[
                "SoftBank sprzedał wszystkie akcje Nvidii za 5,83 mld dolarów.",
                "Sprzedaż objęła m.in. 32,1 mln akcji.",
                "Ogłoszono ją 11 listopada.",
            ],
            &[
                "Dlaczego teraz?",
                "Firma potrzebuje kapitału, np. na inwestycje w OpenAI.",
                "Dr Son nie skomentował sprawy.",
            ],
        ],
    ),
];

/// Boundary precision and recall over the judged set, and every miss for the message.
#[test]
fn sentence_boundaries_against_the_judged_set() {
    let mut sentences = 0;
    let (mut found, mut right, mut expected) = (0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    for (lang, paragraphs) in JUDGED {
        for paragraph in paragraphs {
            sentences += paragraph.len();
            let text = paragraph.join(" ");
            // The judged boundaries: the end of every sentence but the last.
            let mut judged = Vec::new();
            let mut at = 0;
            for sentence in &paragraph[..paragraph.len() - 1] {
                at += sentence.len();
                judged.push(at);
                at += 1;
            }
            let got: Vec<usize> = split(&text, lang)
                .iter()
                .map(|r| r.end)
                .filter(|&end| end < text.len())
                .collect();
            expected += judged.len();
            found += got.len();
            right += got.iter().filter(|end| judged.contains(end)).count();
            if got != judged {
                misses.push(format!(
                    "{lang}: {text}\n  judged {judged:?}\n  found  {got:?}"
                ));
            }
        }
    }
    let precision = right as f64 / found.max(1) as f64;
    let recall = right as f64 / expected.max(1) as f64;
    assert!(sentences >= 300, "{sentences} sentences");
    assert!(
        precision >= 0.99 && recall >= 0.99,
        "precision {precision:.3}, recall {recall:.3} over {sentences} sentences:\n{}",
        misses.join("\n")
    );
}
