#include "translations/languages.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QLocale>
#include <QTranslator>

namespace bytehaul {

namespace {
const QString kPrefix = QStringLiteral(":/i18n");
} // namespace

QStringList availableLanguages()
{
    QStringList codes;
    const QStringList files
        = QDir(kPrefix).entryList({ QStringLiteral("bytehaul_*.qm") }, QDir::Files, QDir::Name);
    for (const QString &file : files)
        codes << file.mid(9, file.size() - 9 - 3); // "bytehaul_" ... ".qm"
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

QString installTranslations(const QString &language)
{
    auto *app = QCoreApplication::instance();
    const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
    // An explicit "en", or a system whose first choice is English, keeps the source texts.
    const QStringList wanted = language.isEmpty() ? locale.uiLanguages() : QStringList { language };
    for (const QString &ui : wanted) {
        const QString code = QString(ui).replace(QLatin1Char('-'), QLatin1Char('_'));
        if (code == QLatin1String("en") || code.startsWith(QLatin1String("en_"))
            || code == QLatin1String("C"))
            return QStringLiteral("en");
        auto *ours = new QTranslator(app);
        // load(QLocale, ...) tries "zh_CN", then "zh": a German Swiss system gets German.
        if (!ours->load(QLocale(code), QStringLiteral("bytehaul"), QStringLiteral("_"), kPrefix)) {
            delete ours;
            continue;
        }
        QCoreApplication::installTranslator(ours);
        auto *qt = new QTranslator(app);
        if (qt->load(QLocale(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(qt);
        else
            delete qt;
        const QString file = QFileInfo(ours->filePath()).completeBaseName(); // "bytehaul_de"
        return file.mid(9);
    }
    return QStringLiteral("en");
}

} // namespace bytehaul
