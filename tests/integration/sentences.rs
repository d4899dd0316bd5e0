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
    assert!(sentences >= 130, "{sentences} sentences");
    assert!(
        precision >= 0.99 && recall >= 0.99,
        "precision {precision:.3}, recall {recall:.3} over {sentences} sentences:\n{}",
        misses.join("\n")
    );
}
