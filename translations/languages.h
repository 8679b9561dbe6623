// The languages bytehaul speaks and the code that switches to one. The translations are
// embedded (":/i18n/bytehaul_<lang>.qm"); English is the source language and needs none.
// Both executables call installTranslations() after creating the application object and
// before building anything that shows text; the window calls it again when Preferences
// change the language, and its widgets retranslate themselves (QEvent::LanguageChange).
#pragma once

#include <QString>
#include <QStringList>

namespace bytehaul {

// Language codes with a translation ("de", "zh_CN"), besides English ("en").
QStringList availableLanguages();

// The native name of a language code, for a chooser ("Deutsch", "简体中文", "English").
QString languageName(const QString &code);

// Installs the translation for `language` ("de", "zh_CN", "en"), or, when empty, for the
// system's UI languages in order of preference; also Qt's own (dialog buttons), when the
// system has it, replacing what an earlier call installed. Returns the code of the language now
// in use ("en" when none matched).
QString installTranslations(const QString &language = {});

// Back to the source texts: removes what installTranslations() installed.
void removeTranslations();

} // namespace bytehaul
