"""The network's page of 11 May 2006: the site's initial content.

The lists of cities are kept exactly as the page wrote them (typos included), so
that the loader can say what it corrected. Everything else is the page's content
with its slips mended, in Italian and in an English translation of ours. What the
page does not say (populations, coordinates, venues, ...) is left out on purpose.
"""

import datetime

SOURCE_IT = "Pagina «RECS – Rete Città Strategiche» di Torino Internazionale, 11 maggio 2006"
SOURCE_EN = "“RECS – Strategic Cities Network” page of Torino Internazionale, 11 May 2006"
SOURCE_DATE = datetime.date(2006, 5, 11)
NETWORK_FOUNDED = datetime.date(2003, 10, 16)
ASSOCIATION_CONSTITUTED = datetime.date(2004, 7, 29)
FIRST_ASSEMBLY = datetime.date(2004, 12, 3)

# --- Cities --------------------------------------------------------------------------
# Italian network cities: key (Italian slug), Italian name, English name, kind, region, province.
NETWORK_CITIES = [
    ("firenze", "Firenze", "Florence", "municipality", "toscana", "FI"),
    ("la-spezia", "La Spezia", "La Spezia", "municipality", "liguria", "SP"),
    ("pesaro", "Pesaro", "Pesaro", "municipality", "marche", "PU"),
    ("torino", "Torino", "Turin", "municipality", "piemonte", "TO"),
    ("trento", "Trento", "Trento", "municipality", "trentino-alto-adige", "TN"),
    ("venezia", "Venezia", "Venice", "municipality", "veneto", "VE"),
    ("verona", "Verona", "Verona", "municipality", "veneto", "VR"),
    ("perugia", "Perugia", "Perugia", "municipality", "umbria", "PG"),
    ("piacenza", "Piacenza", "Piacenza", "municipality", "emilia-romagna", "PC"),
    ("varese", "Varese", "Varese", "municipality", "lombardia", "VA"),
    ("barletta", "Barletta", "Barletta", "municipality", "puglia", "BT"),
    ("bolzano", "Bolzano", "Bolzano", "municipality", "trentino-alto-adige", "BZ"),
    ("carbonia", "Carbonia", "Carbonia", "municipality", "sardegna", "SU"),
    ("caserta", "Caserta", "Caserta", "municipality", "campania", "CE"),
    (
        "associazione-dei-comuni-del-copparese",
        "Associazione dei Comuni del Copparese",
        "Association of Municipalities of the Copparese",
        "association",
        "emilia-romagna",
        "FE",
    ),
    ("jesi", "Jesi", "Jesi", "municipality", "marche", "AN"),
    ("catania", "Catania", "Catania", "municipality", "sicilia", "CT"),
    ("cesena", "Cesena", "Cesena", "municipality", "emilia-romagna", "FC"),
    ("cuneo", "Cuneo", "Cuneo", "municipality", "piemonte", "CN"),
    ("spoleto", "Spoleto", "Spoleto", "municipality", "umbria", "PG"),
]

# European peer cities: key (Italian slug), Italian name, English name, ISO 3166 country.
PEER_CITIES = [
    ("l-aia", "L'Aia", "The Hague", "NL"),
    ("barcellona", "Barcellona", "Barcelona", "ES"),
    ("berlino", "Berlino", "Berlin", "DE"),
    ("bilbao", "Bilbao", "Bilbao", "ES"),
    ("birmingham", "Birmingham", "Birmingham", "GB"),
    ("bruxelles", "Bruxelles", "Brussels", "BE"),
    ("budapest", "Budapest", "Budapest", "HU"),
    ("edimburgo", "Edimburgo", "Edinburgh", "GB"),
    ("francoforte", "Francoforte", "Frankfurt", "DE"),
    ("glasgow", "Glasgow", "Glasgow", "GB"),
    ("lione", "Lione", "Lyon", "FR"),
    ("lisbona", "Lisbona", "Lisbon", "PT"),
    ("manchester", "Manchester", "Manchester", "GB"),
    ("marsiglia", "Marsiglia", "Marseille", "FR"),
    ("monaco-di-baviera", "Monaco di Baviera", "Munich", "DE"),
    ("oberhausen", "Oberhausen", "Oberhausen", "DE"),
    ("praga", "Praga", "Prague", "CZ"),
    ("stoccolma", "Stoccolma", "Stockholm", "SE"),
    ("utrecht", "Utrecht", "Utrecht", "NL"),
    ("valencia", "Valencia", "Valencia", "ES"),
]

# Names the page wrote wrongly: as written -> (keys of the cities meant, why).
CORRECTED_NAMES = {
    "Blzano": (["bolzano"], "typo"),
    "CEsena": (["cesena"], "typo"),
    "Aja": (["l-aia"], "old spelling; The Hague"),
    "Barcelona Berlino": (["barcellona", "berlino"], "two cities run together by a missing comma"),
    "Monaco": (["monaco-di-baviera"], "Munich, not the Principality of Monaco"),
}

# --- Adhesion, as the page states it ----------------------------------------------------
# Each mention: the status it gives, the names exactly as written, the date the status is
# known from, and what the page says, in both languages.
STATUS_MENTIONS = [
    {
        "status": "promoter",
        "as_written": "Firenze, La Spezia, Pesaro, Torino, Trento, Venezia, Verona, Perugia, "
        "Piacenza e Varese",
        "date": ASSOCIATION_CONSTITUTED,
        "reference_it": "Atto costitutivo dell'Associazione, firmato il 29 luglio 2004 dal Gruppo Promotore",
        "reference_en": "Deed of constitution of the Association, signed on 29 July 2004 "
        "by the Promoting Group",
        "note_it": "Città del Gruppo Promotore della Rete.",
        "note_en": "City of the network's Promoting Group.",
        "context_it": "tra le città del Gruppo Promotore",
        "context_en": "among the cities of the Promoting Group",
    },
    {
        "status": "member",
        "as_written": "Barletta, Blzano, Carbonia, Caserta, Associazione dei Comuni del "
        "Copparese, Jesi, Perugia",
        "date": SOURCE_DATE,
        "reference_it": SOURCE_IT,
        "reference_en": SOURCE_EN,
        "note_it": "Ha aderito all'Associazione nei mesi successivi al 29 luglio 2004. "
        "La fonte non dà la data esatta: la data è quella della pagina.",
        "note_en": "Joined the Association in the months after 29 July 2004. The source "
        "gives no exact date: the date is that of the page.",
        "context_it": "tra le città che hanno aderito nei mesi successivi (stato: membro)",
        "context_en": "among the cities that joined in the following months (status: member)",
    },
    {
        "status": "applicant",
        "as_written": "Catania, CEsena, Cuneo, Piacenza, Spoleto, Varese",
        "date": SOURCE_DATE,
        "reference_it": SOURCE_IT,
        "reference_en": SOURCE_EN,
        "note_it": "Procedura di adesione in corso alla data della pagina.",
        "note_en": "Adhesion procedure in progress on the date of the page.",
        "context_it": "tra le città con la procedura di adesione in corso (stato: adesione in corso)",
        "context_en": "among the cities whose adhesion is in progress (status: adhesion in progress)",
    },
]

PEERS_AS_WRITTEN = (
    "Aja, Barcelona Berlino, Bilbao, Birmingham, Bruxelles, Budapest, Edimburgo, Francoforte, "
    "Glasgow, Lione, Lisbona, Manchester, Marsiglia, Monaco, Oberhausen, Praga, Stoccolma, "
    "Utrecht, Valencia"
)

# Slips in the page's running text, mended in the pages below.
TEXT_CORRECTIONS = [
    "“dell‚ÄôAssociazione”: mis-encoded apostrophe, written “dell'Associazione”",
    "“medio lungo-periodo”: written “medio-lungo periodo”",
]

# Agenda headings the page lists without any content: nothing to load for them.
AGENDA_HEADINGS_WITHOUT_CONTENT = [
    "Gruppi di lavoro 2005",
    "Gruppi di lavoro 2004",
    "Febbraio 2004",
    "Gennaio 2004",
    "Novembre 2003",
    "Ottobre 2003",
    "Settembre 2003",
]

# --- The association's pages ------------------------------------------------------------
PAGES = [
    {
        "slug_it": "chi-siamo",
        "slug_en": "who-we-are",
        "title_it": "Chi siamo",
        "title_en": "Who we are",
        "summary_it": "La Rete Città Strategiche riunisce le città italiane che hanno avviato "
        "un piano strategico.",
        "summary_en": "The Strategic Cities Network brings together the Italian cities that "
        "have started a strategic plan.",
        "menu_order": 10,
        "body_it": """\
Costituita il 16 ottobre 2003, la Rete Città Strategiche raggruppa diverse città italiane che hanno avviato un processo di pianificazione strategica con l'obiettivo di migliorare il governo del territorio applicando uno strumento innovativo. La pianificazione strategica permette di programmare azioni e interventi per realizzare una visione di sviluppo di medio-lungo periodo, in una dimensione territoriale di area vasta, grazie alla consultazione allargata degli attori del territorio e all'integrazione delle politiche e degli interessi sociali, economici e civili.

In un processo come questo la discriminante è il modo con cui sono assunte le decisioni, sia in termini di capacità di coinvolgimento e consultazione dei soggetti territoriali ai processi decisionali, sia in termini di capacità di coordinamento e integrazione degli interventi strategici nella loro progettazione e realizzazione.

Le città della Rete, indipendentemente dalla loro estensione territoriale e dal loro rango, mettono in rete il mondo istituzionale, sociale ed economico, creando sinergie tra le attività e le esperienze di chi governa e le indicazioni e proposte degli altri soggetti del territorio.""",
        "body_en": """\
Founded on 16 October 2003, the Strategic Cities Network brings together Italian cities that have started a strategic planning process, with the aim of improving the governance of their territory through an innovative tool. Strategic planning makes it possible to plan actions and projects that realise a medium-to-long-term vision of development across a wide area, through broad consultation of local stakeholders and the integration of social, economic and civic policies and interests.

In a process like this, what makes the difference is the way decisions are taken: both the ability to involve and consult local actors in decision-making, and the ability to coordinate and integrate strategic projects as they are designed and carried out.

Whatever their size or rank, the cities of the Network connect the institutional, social and economic worlds, creating synergies between the work and experience of those who govern and the suggestions and proposals of the other actors of the territory.""",
    },
    {
        "slug_it": "finalita",
        "slug_en": "aims",
        "title_it": "Finalità",
        "title_en": "Aims",
        "summary_it": "Che cosa la Rete si propone di fare.",
        "summary_en": "What the Network sets out to do.",
        "menu_order": 20,
        "body_it": """\
Fra i compiti che la Rete si è data c'è quello di confrontarsi con altre città europee come L'Aia, Barcellona, Berlino, Bilbao, Birmingham, Bruxelles, Budapest, Edimburgo, Francoforte, Glasgow, Lione, Lisbona, Manchester, Marsiglia, Monaco di Baviera, Oberhausen, Praga, Stoccolma, Utrecht e Valencia.

Più nel dettaglio, la Rete intende:

– diffondere l'approccio della pianificazione strategica quale modello di governance locale ed europea;
– promuovere attività di benchmarking per diffondere e far conoscere ai policy maker delle città l'avanzamento e le peculiarità di ciascuna esperienza di pianificazione strategica;
– avanzare proposte di servizi collettivi per le città associate, mettendo in atto forme di cooperazione concrete tra soggetti economici e sociali, pubblici e privati;
– rafforzare il ruolo delle città nello scenario nazionale e internazionale;
– ricercare strumenti di supporto alla pianificazione strategica urbana;
– realizzare un Osservatorio Internazionale delle città;
– ampliare il numero dei soggetti competenti.""",
        "body_en": """\
Among the tasks the Network has set itself is to compare itself with other European cities such as The Hague, Barcelona, Berlin, Bilbao, Birmingham, Brussels, Budapest, Edinburgh, Frankfurt, Glasgow, Lyon, Lisbon, Manchester, Marseille, Munich, Oberhausen, Prague, Stockholm, Utrecht and Valencia.

In more detail, the Network intends to:

– spread the strategic planning approach as a model of local and European governance;
– promote benchmarking, so that the cities' policy makers learn how far each strategic planning experience has come and what is particular to it;
– put forward proposals for shared services for the member cities, setting up concrete cooperation between economic and social, public and private actors;
– strengthen the role of cities on the national and international stage;
– look for tools that support urban strategic planning;
– create an International Observatory of cities;
– widen the number of competent actors.""",
    },
    {
        "slug_it": "storia",
        "slug_en": "history",
        "title_it": "Storia",
        "title_en": "History",
        "summary_it": "Le tappe della Rete dalla sua costituzione.",
        "summary_en": "The Network's milestones since its founding.",
        "menu_order": 30,
        "body_it": """\
16 ottobre 2003 – Costituzione della Rete Città Strategiche.

29 luglio 2004 – Costituzione formale dell'Associazione Nazionale delle Città Strategiche, con la firma dell'atto costitutivo da parte del Gruppo Promotore della Rete: Firenze, La Spezia, Pesaro, Torino, Trento, Venezia, Verona, Perugia, Piacenza e Varese.

Nei mesi successivi aderiscono all'Associazione Barletta, Bolzano, Carbonia, Caserta, l'Associazione dei Comuni del Copparese e Jesi.

3 dicembre 2004 – Si svolge a La Spezia la prima Assemblea nazionale della Rete.

Maggio 2006 – Sono in corso le procedure di adesione di Catania, Cesena, Cuneo e Spoleto.""",
        "body_en": """\
16 October 2003 – The Strategic Cities Network is founded.

29 July 2004 – Formal constitution of the National Association of Strategic Cities: the Network's Promoting Group – Florence, La Spezia, Pesaro, Turin, Trento, Venice, Verona, Perugia, Piacenza and Varese – signs the deed of constitution.

In the following months Barletta, Bolzano, Carbonia, Caserta, the Association of Municipalities of the Copparese and Jesi join the Association.

3 December 2004 – The Network's first national assembly takes place in La Spezia.

May 2006 – The adhesion of Catania, Cesena, Cuneo and Spoleto is in progress.""",
    },
]

CONTACTS = [
    {
        "kind": "office",
        "name_it": "Coordinamento e gestione amministrativa",
        "name_en": "Coordination and administration",
        "role_it": "Segreteria della Rete",
        "role_en": "The Network's office",
        "organisation": "RECS – Rete Città Strategiche",
        "email": "info@recs.it",
        "phone": "055 2670517",
        "address": "Piazza Brunelleschi 11, Firenze",
        "menu_order": 10,
    },
    {
        "kind": "person",
        "name_it": "Elisa Rosso",
        "name_en": "",
        "role_it": "Referente per Torino Internazionale",
        "role_en": "Contact for Torino Internazionale",
        "organisation": "Torino Internazionale",
        "email": "e.rosso@torino-internazionale.org",
        "phone": "",
        "address": "",
        "menu_order": 20,
    },
]

# --- Agenda: the dated events the page names ------------------------------------------------
EVENTS = [
    {
        "slug_it": "costituzione-della-rete-citta-strategiche",
        "slug_en": "founding-of-the-strategic-cities-network",
        "title_it": "Costituzione della Rete Città Strategiche",
        "title_en": "Founding of the Strategic Cities Network",
        "kind": "other",
        "start_date": NETWORK_FOUNDED,
        "host_city": None,
        "description_it": "Le città italiane che hanno avviato un processo di pianificazione "
        "strategica costituiscono la Rete Città Strategiche.",
        "description_en": "The Italian cities that have started a strategic planning process "
        "found the Strategic Cities Network.",
    },
    {
        "slug_it": "firma-dell-atto-costitutivo-dell-associazione",
        "slug_en": "signing-of-the-association-s-deed-of-constitution",
        "title_it": "Firma dell'atto costitutivo dell'Associazione",
        "title_en": "Signing of the Association's deed of constitution",
        "kind": "other",
        "start_date": ASSOCIATION_CONSTITUTED,
        "host_city": None,
        "description_it": "Il Gruppo Promotore della Rete (Firenze, La Spezia, Pesaro, Torino, "
        "Trento, Venezia, Verona, Perugia, Piacenza e Varese) firma l'atto costitutivo: "
        "è la costituzione formale dell'Associazione Nazionale delle Città Strategiche.",
        "description_en": "The Network's Promoting Group (Florence, La Spezia, Pesaro, Turin, "
        "Trento, Venice, Verona, Perugia, Piacenza and Varese) signs the deed of constitution: "
        "the formal constitution of the National Association of Strategic Cities.",
    },
    {
        "slug_it": "prima-assemblea-nazionale-della-rete",
        "slug_en": "first-national-assembly-of-the-network",
        "title_it": "Prima Assemblea nazionale della Rete",
        "title_en": "First national assembly of the Network",
        "kind": "assembly",
        "start_date": FIRST_ASSEMBLY,
        "host_city": "la-spezia",
        "description_it": "La prima Assemblea nazionale della Rete Città Strategiche si svolge a La Spezia.",
        "description_en": "The first national assembly of the Strategic Cities Network takes "
        "place in La Spezia.",
    },
]
