"""Multilingual table of website UI prompts (share, comment, subscribe, ads...).

The table holds generic interface vocabulary in en/de/fr/es/ar/ru, never the
sentences of a particular article. Two kinds of rows keep real prose safe:

* WHOLE rows must cover the entire line (after trimming bullets, arrows and
  counters such as "(12)"), e.g. a bare "Kommentare" or "Read more".
* LEAD rows must start the line, and the line must stay short. Prose that
  merely mentions a comment or a click does not start with the prompt, and a
  quotation starts with a quote mark, so neither matches.
"""

from __future__ import annotations

import regex

from claimtrace.clean.text_shape import ends_sentence, word_count

LEAD_MAX_WORDS = 20
COOKIE_MAX_WORDS = 60

_FLAGS = regex.IGNORECASE | regex.VERSION1

# Bullets, arrows and symbols that sites put around prompts. Quote marks
# (including guillemets) are deliberately absent: a quotation is never a prompt.
# A guillemet counts as a bullet only when a blank follows it ("» Lesen Sie
# auch"); as a quote mark it hugs the quoted word ("»Lesen Sie...«").
_LEAD_JUNK = regex.compile(
    r"^(?:[[\s\p{So}•·▸►▶→⇒>*#|–—\-●■▪◆✓✔+]--[©®]]|[»›](?=\s))+", regex.VERSION1
)
_TAIL_JUNK = regex.compile(r"[\s\p{So}•·▸►▶→⇒>»›*#|:.!…\-–—]+$")
_COUNTER = regex.compile(r"^\(?\d+\)?\s+|\s*[(\[]\d+[)\]]$|\s+\d+$")

_WHOLE_WORDS = [
    # sharing and social buttons
    r"share(?: this(?: article| story| post| page)?)?(?: (?:on|via) \p{L}+)?",
    r"(?:artikel |beitrag )?teilen(?: auf \p{L}+)?",
    r"partager(?: cet article| sur \p{L}+)?",
    r"compartir(?: este artículo| en \p{L}+)?",
    r"(?:مشاركة|شارك|شارك الخبر|شارك المقال)",
    r"поделиться(?: в \p{L}+)?",
    r"(?:like|tweet|facebook|twitter|whatsapp|telegram|linkedin|pinterest|reddit|e-?mail)",
    r"(?:copy link|link kopieren|copier le lien|copiar enlace|نسخ الرابط|скопировать ссылку)",
    # print / report / navigation buttons
    r"print(?: this(?: article| page)?)?|(?:artikel )?drucken|imprimer|imprimir",
    r"طباعة|печать|распечатать",
    r"report(?: this(?: comment| image| ad)?)?|melden|signaler|denunciar|إبلاغ|пожаловаться",
    r"back to top|(?:zurück )?nach oben|retour en haut|volver arriba|العودة للأعلى|наверх",
    r"more (?:stories|articles|news)|(?:weitere|mehr) (?:artikel|nachrichten|meldungen)",
    r"plus d'articles|más noticias|(?:ещё|еще|другие) новости|المزيد من الأخبار",
    # comment section headers
    r"(?:show |view |all |load )?comments?|kommentare?|(?:les )?commentaires?|comentarios?",
    r"(?:ال)?تعليقات|комментари(?:и|ев|й|я)",
    r"kommentieren|commenter|comentar|прокомментировать|علّق|علق",
    # advertising labels
    r"advertisement|advertising|sponsored(?: content)?|anzeige|werbung|publicité|publicidad",
    r"(?:إعلان|اعلان)|реклама",
    # read-more and related-content teasers
    r"read more|continue reading|weiterlesen|mehr lesen|lire la suite|lire plus",
    r"leer más|seguir leyendo|اقرأ المزيد|читать далее|подробнее|читать полностью",
    r"related(?: articles| stories| content| news)?|see also|more on this(?: topic| story)?",
    r"auch interessant|das könnte sie auch interessieren|sur le même sujet|noticias relacionadas",
    r"(?:مواضيع|أخبار) ذات صلة|по теме",
    # subscription buttons
    r"newsletter|subscribe(?: now| today)?|sign up|abonnieren|jetzt abonnieren|follow us",
    r"abonnez-vous|s'abonner|suscríbete|suscribirse|اشترك(?: الآن)?|подписаться|подпишитесь",
    # reading time / audio widgets
    r"\d+ min(?:ute)?s? read",
    r"(?:reading time|lesezeit|temps de lecture|tiempo de lectura)\W*\d+\W*\p{L}*",
    r"listen to this article|artikel anhören|écouter cet article",
    r"escuchar (?:este artículo|la noticia)",
]

_LEAD_WORDS = [
    # "click here ..." with an optional short lead clause ("To read more, click here")
    r"(?:[^.!?\"“„«]{0,40}[,:] )?(?:click|clic|klick|tap) (?:here|hier)\b",
    r"(?:[^.!?\"“„«]{0,40}[,:] )?(?:klicken sie hier|hier klicken|cliquez ici|cliquez sur ce lien)",
    r"(?:[^.!?\"“„«]{0,40}[,:] )?(?:haga|haz|pulse|pincha) (?:clic |click )?aquí",
    r"(?:[^.!?\"“„«]{0,40}[,:] )?(?:اضغط|انقر) هنا|(?:нажмите|кликните) (?:здесь|сюда)",
    # related-content teasers followed by a headline
    r"(?:read more|read also|see also|related|more on this(?: story)?)\s*:",
    r"(?:lesen sie (?:auch|mehr)|mehr zum thema|auch interessant|siehe auch)\b",
    r"(?:(?:à )?lire aussi|voir aussi|lire la suite)\b",
    r"(?:lee también|lea también|te puede interesar|le puede interesar|ver también)\b",
    r"اقرأ (?:أيضا|أيضاً|ايضا)|(?:читайте|смотрите) также\b",
    # subscription / following
    r"(?:subscribe|sign up|register)(?: now| today)? (?:to|for) (?:our|free)\b",
    r"(?:subscribe|sign up) (?:to|for) (?:the|a) .{0,40}\b(?:newsletter|briefing|alerts|digest)\b",
    r"(?:melden sie sich|abonnieren sie)\b.*\bnewsletter|folgen sie uns (?:auf|bei)\b",
    r"(?:abonnez-vous|inscrivez-vous)\b|suivez-nous sur\b",
    r"(?:suscríbete|suscríbase|regístrate)\b|síguenos en\b",
    r"اشترك (?:في|ب)|تابعونا (?:على|عبر)|подпишитесь на\b|подписывайтесь на\b",
    r"follow us (?:on|at)\b|get (?:our|the) newsletter\b",
    # writing a comment
    r"(?:leave|write|post|add|submit) (?:a |your |the first )?comment",
    r"kommentar (?:schreiben|verfassen|hinzufügen)",
    r"(?:schreiben|verfassen) sie (?:einen|ihren) kommentar",
    r"(?:laisser|laissez|écrire|écrivez|ajouter|ajoutez|rédiger) (?:un|votre) commentaire",
    r"(?:dejar|deja|deje|escribir|escribe|añadir|añade) (?:un |tu |su )?comentario",
    r"(?:أضف|اترك|اكتب) تعليق",
    r"(?:оставить|оставьте|написать|напишите|добавить|добавьте) комментарий",
    # thanks after an interaction
    r"(?:thank you|thanks) for (?:reporting|your report|your feedback)\b",
    r"(?:thank you|thanks) for (?:subscribing|signing up|registering)\b",
    r"(?:vielen )?dank(?:e)? für (?:ihre|deine) (?:meldung|anmeldung|bewertung|rückmeldung)\b",
    r"merci (?:pour|de) (?:votre|ton) (?:signalement|inscription|abonnement|retour)\b",
    r"gracias por (?:tu |su )?(?:reporte|denuncia|suscripción|suscribirte|registrarte|reportar)\b",
    r"شكرا(?:ً)? (?:لك )?(?:على|ل)\S*(?:الإبلاغ|اشتراك|التسجيل)",
    r"спасибо за (?:подписку|ваше сообщение|жалобу|обращение|отзыв)\b",
    # moderation notices: "this <item>" + removal + who triggers it
    r"this (?:image|photo|picture|comment|post|content|video|message) (?:will|may|can|is|has)\b"
    r".{0,80}\b(?:disabled|removed|hidden|deleted|blocked)\b.{0,60}\b(?:report|flag|moderat)",
    r"(?:dieser|dieses) (?:kommentar|bild|beitrag|foto)\b.{0,60}"
    r"\b(?:entfernt|gelöscht|deaktiviert|gesperrt)\b",
    r"(?:ce|cette) (?:commentaire|image|photo|contribution)\b.{0,60}"
    r"\b(?:supprimée?|masquée?|désactivée?)\b",
    r"(?:este|esta) (?:comentario|imagen|foto)\b.{0,60}"
    r"\b(?:eliminad[oa]|ocultad[oa]|desactivad[oa])\b",
    r"تم (?:حذف|إخفاء|حجب) (?:هذا |هذه )?(?:التعليق|الصورة)",
    r"(?:комментарий|изображение)\b.{0,40}\bудален",
    # copyright lines
    r"(?:©|\(c\)|copyright)\s*\d{4}\b",
]

# Anywhere in a short line: the legal boilerplate of a site footer.
_RIGHTS = regex.compile(
    r"all rights reserved|alle rechte vorbehalten|tous droits réservés"
    r"|todos los derechos reservados|جميع الحقوق محفوظة|все права защищены",
    _FLAGS,
)

# A comment prompt addresses the reader ("please", "be the first", "log in")
# and talks about commenting; third-person prose about comments does neither.
_COMMENT_WORD = regex.compile(
    r"comment|kommentar|kommentier|commentaire|comentar|réagi|تعليق|коммент|discussion|diskussion",
    _FLAGS,
)
_READER_OPENER = regex.compile(
    r"^(?:please|bitte|veuillez|merci de|por favor|يرجى|الرجاء|пожалуйста"
    r"|to (?:comment|post a comment|join the discussion)"
    r"|um (?:zu )?(?:kommentieren|mitzudiskutieren)|pour (?:commenter|réagir)|para comentar"
    r"|للتعليق|чтобы (?:оставить|написать|прокомментировать)"
    r"|you (?:must|need to) (?:be )?(?:log|sign|regist)"
    r"|sie müssen (?:sich )?(?:anmelden|eingeloggt)"
    r"|vous devez (?:être )?(?:connecté|inscrit)|debes (?:iniciar|registrarte)"
    r"|be the first|seien sie (?:der|die) erste|sei (?:der|die) erste|soyez le premier"
    r"|sé el primero"
    r"|كن أول|будьте первым|log ?in|sign ?in|melden sie sich an|connectez-vous|inicia sesión"
    r"|سجل (?:الدخول|دخولك)|войдите|join the (?:discussion|conversation)|diskutieren sie mit)\b",
    _FLAGS,
)
_COOKIE = regex.compile(r"cookie|كوكيز|ملفات تعريف الارتباط", _FLAGS)
# Cookie banners speak as the site ("we use") or to the reader ("you agree").
_SITE_VOICE = regex.compile(
    r"\b(?:we use|this (?:site|website)|our (?:site|website)|you (?:agree|accept|consent)"
    r"|wir (?:verwenden|nutzen|setzen)|diese (?:web)?seite|unsere[rn]? (?:web)?(?:seite|site)"
    r"|(?:erklären|stimmen) sie|nous utilisons|ce site|notre site|vous acceptez|utilizamos"
    r"|(?:este|nuestro) sitio|esta web|aceptas?|мы используем|(?:этот|наш) сайт|вы соглашаетесь"
    r"|الموقع|نستخدم|توافق)\b",
    _FLAGS,
)

# Reported speech or narration: long, a clause after a comma, a full stop.
_CLAUSE_AFTER_COMMA = regex.compile(r"[,،] \p{Ll}")
SENTENCE_MIN_WORDS = 10

_WHOLE = regex.compile("(?:" + "|".join(_WHOLE_WORDS) + ")", _FLAGS)
_LEAD = regex.compile("(?:" + "|".join(_LEAD_WORDS) + ")", _FLAGS)


def prompt_core(line: str) -> str:
    """The line without decorative bullets and arrows at its ends or end punctuation."""
    core = _LEAD_JUNK.sub("", line)
    return _TAIL_JUNK.sub("", core).strip()


def _reads_as_sentence(core: str, line: str) -> bool:
    """Narrative prose that happens to open like a prompt ("Click here, the
    hackers wrote, ...")."""
    return (
        word_count(core) >= SENTENCE_MIN_WORDS
        and ends_sentence(line)
        and _CLAUSE_AFTER_COMMA.search(core) is not None
    )


def is_ui_prompt(line: str) -> bool:
    """True for share/comment/subscribe/ad/cookie/copyright interface text."""
    core = prompt_core(line)
    if not core:
        return False
    n = word_count(core)
    if _WHOLE.fullmatch(core) or _WHOLE.fullmatch(_COUNTER.sub("", core).strip()):
        return True
    if _RIGHTS.search(core) and n <= LEAD_MAX_WORDS:
        return True
    if n <= LEAD_MAX_WORDS:
        # a line that opens by addressing the reader about commenting is a prompt even
        # when it is a full sentence ("Bitte melden Sie sich an, um ... zu kommentieren.")
        if _COMMENT_WORD.search(core) and _READER_OPENER.match(core):
            return True
        if _LEAD.match(core) and not _reads_as_sentence(core, line):
            return True
    return n <= COOKIE_MAX_WORDS and bool(_COOKIE.search(core) and _SITE_VOICE.search(core))
