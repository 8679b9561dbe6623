#include "translations/languages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

#include <utility>

namespace bytehaul {

namespace {
const QString kPrefix = QStringLiteral(":/i18n");

// What the last call installed: a later call replaces it (a language chosen in Preferences).
QList<QTranslator *> &installed()
{
    static QList<QTranslator *> translators;
    return translators;
}

void install(QTranslator *translator)
{
    QCoreApplication::installTranslator(translator);
    installed().append(translator);
}
} // namespace

QStringList availableLanguages()
{
    QStringList codes;
    const QStringList files
        = QDir(kPrefix).entryList({ QStringLiteral("bytehaul_*.qm") }, QDir::Files, QDir::Name);
    for (const QString &file : files) {
        const QString code = file.mid(9, file.size() - 9 - 3); // "bytehaul_" ... ".qm"
        if (code != QLatin1String("en")) // English is the source; its file holds only plurals
            codes << code;
    }
    return codes;
}

QString languageName(const QString &code)
{
    if (code == QLatin1String("en"))
        return QStringLiteral("English");
    const QLocale locale(code);
    QString name = locale.nativeLanguageName();
    if (code.contains(QLatin1Char('_')) && locale.script() == QLocale::SimplifiedHanScript)
        name = QStringLiteral("简体中文");
    return name.isEmpty() ? code : name;
}

void removeTranslations()
{
    for (QTranslator *old : std::exchange(installed(), {})) {
        QCoreApplication::removeTranslator(old);
        delete old;
    }
}

QString installTranslations(const QString &language)
{
    auto *app = QCoreApplication::instance();
    removeTranslations();
    // The system's UI languages in order (LANGUAGE, then LC_ALL / LC_MESSAGES / LANG), then
    // English, the source language, whose translation holds only the plural forms.
    QStringList wanted = language.isEmpty() ? QLocale::system().uiLanguages() : QStringList { language };
    wanted << QStringLiteral("en");
    for (const QString &ui : std::as_const(wanted)) {
        QString code = QString(ui).replace(QLatin1Char('-'), QLatin1Char('_'));
        if (code == QLatin1String("C") || code == QLatin1String("POSIX"))
            code = QStringLiteral("en");
        auto *ours = new QTranslator(app);
        // load(QLocale, ...) tries "zh_CN", then "zh": a German Swiss system gets German.
        if (!ours->load(QLocale(code), QStringLiteral("bytehaul"), QStringLiteral("_"), kPrefix)) {
            delete ours;
            continue;
        }
        install(ours);
        const QString found = QFileInfo(ours->filePath()).completeBaseName().mid(9); // "bytehaul_de"
        if (found == QLatin1String("en"))
            return found;
        // Qt's own texts (standard dialog buttons), when the system has them.
        auto *qt = new QTranslator(app);
        if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                     QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            install(qt);
        else
            delete qt;
        return found;
    }
    return QStringLiteral("en");
}

} // namespace bytehaul
