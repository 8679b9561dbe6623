// The languages bytehaul speaks and the code that switches to one. The translations are
// embedded (":/i18n/bytehaul_<lang>.qm"); English is the source language and needs none.
// Both executables call installTranslations() once, after creating the application object
// and before building anything that shows text.
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
// system has it. Returns the code of the language now in use ("en" when none matched).
QString installTranslations(const QString &language = {});

} // namespace bytehaul
