"""The pages at the foot of every page: privacy notice, accessibility statement and legal
notes, as the sites of Italian public bodies have them.

Unlike the rest of the initial content these are not from the 2006 page: they are drafts
written for the site, describing what it actually does (the data it keeps, its cookies,
how it was checked), for the association to review and complete in the back office.
"""

PRIVACY = {
    "role": "privacy",
    "slug_it": "informativa-privacy",
    "slug_en": "privacy-notice",
    "title_it": "Informativa sulla privacy",
    "title_en": "Privacy notice",
    "summary_it": "Quali dati personali tratta il sito, perché, per quanto tempo, e i tuoi diritti.",
    "summary_en": "Which personal data the site processes, why, for how long, and your rights.",
    "body_it": """\
Titolare del trattamento è l'Associazione RECS – Rete Città Strategiche, che puoi contattare all'indirizzo info@recs.it (art. 13 del Regolamento UE 2016/679, GDPR).

Mailing list. Se ti iscrivi trattiamo il tuo indirizzo e-mail e la lingua che scegli, solo per mandarti le notizie della Rete. La base giuridica è il tuo consenso, che dai confermando l'iscrizione dal link che ti inviamo e che puoi revocare in ogni momento con il link di cancellazione presente in ogni messaggio. Un indirizzo non confermato riceve soltanto la mail di conferma.

Dati di navigazione. Il server registra, per la sicurezza del sito, l'indirizzo IP, la pagina richiesta e l'ora di ogni richiesta, e i tentativi di accesso all'area riservata. Questi dati non servono a identificarti e sono cancellati periodicamente.

Cookie. Il sito usa soltanto cookie tecnici: quello di sessione per il personale che accede all'area riservata e quello di protezione dei moduli (CSRF). Non usa cookie di profilazione né servizi di terze parti: caratteri, mappe e grafici sono serviti dal sito stesso.

I dati sono trattati dal personale dell'Associazione e non sono comunicati a terzi né trasferiti fuori dall'Unione europea.

Hai diritto di accedere ai tuoi dati, di chiederne la rettifica o la cancellazione, di limitarne il trattamento, di opporti e alla portabilità, scrivendo a info@recs.it. Puoi anche proporre reclamo al Garante per la protezione dei dati personali (www.garanteprivacy.it).""",
    "body_en": """\
The data controller is the RECS – Strategic Cities Network association, which you can reach at info@recs.it (Art. 13 of EU Regulation 2016/679, GDPR).

Mailing list. If you subscribe we process your e-mail address and the language you choose, only to send you the Network's news. The legal basis is your consent, which you give by confirming the subscription from the link we send you and may withdraw at any time with the unsubscribe link in every message. An address that is not confirmed only receives the confirmation mail.

Browsing data. For the site's security the server records the IP address, the page requested and the time of each request, and attempts to sign in to the reserved area. These data are not used to identify you and are deleted periodically.

Cookies. The site only uses technical cookies: the session cookie of staff signed in to the reserved area and the one that protects forms (CSRF). It uses no profiling cookies and no third-party services: fonts, maps and charts are served by the site itself.

The data are processed by the Association's staff; they are not disclosed to third parties nor transferred outside the European Union.

You have the right to access your data, to have them corrected or erased, to restrict their processing, to object and to data portability, by writing to info@recs.it. You may also lodge a complaint with the Italian Data Protection Authority (Garante per la protezione dei dati personali, www.garanteprivacy.it).""",
}

ACCESSIBILITY = {
    "role": "accessibility",
    "slug_it": "dichiarazione-di-accessibilita",
    "slug_en": "accessibility-statement",
    "title_it": "Dichiarazione di accessibilità",
    "title_en": "Accessibility statement",
    "summary_it": "Quanto il sito è accessibile, che cosa non lo è ancora e come segnalarcelo.",
    "summary_en": "How accessible the site is, what is not yet, and how to tell us.",
    "body_it": """\
L'Associazione RECS – Rete Città Strategiche si impegna a rendere il proprio sito accessibile, conformemente alla legge 9 gennaio 2004, n. 4 e alle Linee guida AgID sull'accessibilità degli strumenti informatici.

Stato di conformità. Il sito è parzialmente conforme ai requisiti della norma UNI CEI EN 301549 e delle WCAG 2.1 livello AA. Ogni tipo di pagina, in italiano e in inglese, è verificato a ogni modifica con test automatici (axe) in un browser reale, oltre che con verifiche manuali: navigazione da tastiera, focus sempre visibile, testi alternativi delle mappe e dei grafici, lingua dei contenuti.

Contenuti non accessibili. Le scansioni dei ritagli di giornale della rassegna stampa, in immagine o PDF, possono non essere leggibili dalle tecnologie assistive: di ogni articolo sono comunque disponibili in testo la testata, la data, il titolo e un riassunto.

Meccanismo di feedback. Puoi segnalare le difficoltà di accesso ai contenuti scrivendo a info@recs.it: rispondiamo entro 30 giorni. In caso di risposta insoddisfacente o di mancata risposta puoi rivolgerti al Difensore civico per il digitale presso AgID.

La dichiarazione è stata redatta con un'autovalutazione del sito.""",
    "body_en": """\
The RECS – Strategic Cities Network association is committed to making its site accessible, in accordance with Italian Law no. 4 of 9 January 2004 and AgID's accessibility guidelines.

Compliance status. The site is partially compliant with standard UNI CEI EN 301549 and WCAG 2.1 level AA. Every kind of page, in Italian and in English, is checked on every change with automatic tests (axe) in a real browser, and by hand: keyboard navigation, focus always visible, text alternatives for maps and charts, the language of the content.

Content that is not accessible. The scans of newspaper clippings in the press review, as images or PDF, may not be readable by assistive technologies: for every article the outlet, the date, the headline and a summary are given as text.

Feedback. You can report difficulties in accessing the content by writing to info@recs.it: we answer within 30 days. If the answer is unsatisfactory or does not come, you can turn to the Digital Ombudsman (Difensore civico per il digitale) at AgID.

This statement was drawn up from a self-assessment of the site.""",
}

LEGAL = {
    "role": "legal",
    "slug_it": "note-legali",
    "slug_en": "legal-notes",
    "title_it": "Note legali",
    "title_en": "Legal notes",
    "summary_it": "Diritti sui contenuti del sito, riuso dei dati aperti, collegamenti esterni.",
    "summary_en": "Rights in the site's content, reuse of the open data, external links.",
    "body_it": """\
Il sito è pubblicato dall'Associazione RECS – Rete Città Strategiche, Piazza Brunelleschi 11, Firenze (info@recs.it, 055 2670517).

I testi del sito sono dell'Associazione RECS – Rete Città Strategiche e possono essere riprodotti citandone la fonte.

I dati sulle città della Rete e sulla storia delle loro adesioni (pagina Dati aperti, file CSV e JSON) sono pubblicati con licenza Creative Commons Attribuzione 4.0 (CC BY 4.0): puoi riutilizzarli liberamente indicando la fonte.

Gli articoli della rassegna stampa restano dei rispettivi editori e autori: il sito ne riporta gli estremi e, dove disponibile, la riproduzione a fini di documentazione dell'attività della Rete.

L'Associazione non risponde dei contenuti dei siti esterni a cui il sito rimanda.""",
    "body_en": """\
The site is published by the RECS – Strategic Cities Network association, Piazza Brunelleschi 11, Florence, Italy (info@recs.it, +39 055 2670517).

The site's texts belong to the RECS – Strategic Cities Network association and may be reproduced with their source.

The data on the Network's cities and the history of their adhesion (Open data page, CSV and JSON files) are published under the Creative Commons Attribution 4.0 licence (CC BY 4.0): you may reuse them freely, giving the source.

The press review's articles remain the property of their publishers and authors: the site gives their details and, where available, a reproduction that documents the Network's activity.

The association is not responsible for the content of the external sites the site links to.""",
}

PAGES = [PRIVACY, ACCESSIBILITY, LEGAL]
