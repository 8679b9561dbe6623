// The translations: every .ts file complete (nothing unfinished, nothing obsolete, nothing the
// sources say that lupdate would add, the same %1/%n placeholders as the source), and the
// window, the states and the plurals really shown in German, Chinese and English.
#include "engine/downloadtypes.h"
#include "translations/languages.h"
#include "ui/detailspane.h"
#include "ui/downloadlistmodel.h"
#include "ui/mainwindow.h"

#include <QAction>
#include <QApplication>
#include <QDir>
#include <QFormLayout>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>

using namespace bytehaul;

namespace {

const QString kSourceDir = QStringLiteral(BYTEHAUL_SOURCE_DIR);

struct TsMessage
{
    QString context;
    QString source;
    QString type; // "", "unfinished", "obsolete", "vanished"
    QStringList forms; // one translation, or the numerus forms
    bool numerus = false;
};

QList<TsMessage> readTs(const QString &path, QString *error)
{
    QList<TsMessage> out;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return out;
    }
    QXmlStreamReader xml(&file);
    QString context;
    TsMessage m;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name")) {
            context = xml.readElementText();
        } else if (xml.name() == QLatin1String("message")) {
            m = TsMessage();
            m.context = context;
            m.numerus = xml.attributes().value(QLatin1String("numerus")) == QLatin1String("yes");
        } else if (xml.name() == QLatin1String("source")) {
            m.source = xml.readElementText();
        } else if (xml.name() == QLatin1String("translation")) {
            m.type = xml.attributes().value(QLatin1String("type")).toString();
            if (m.numerus) {
                while (xml.readNextStartElement())
                    m.forms << xml.readElementText();
            } else {
                m.forms << xml.readElementText();
            }
            out << m;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return out;
}

QStringList placeholders(const QString &text)
{
    static const QRegularExpression re(QStringLiteral("%(\\d+|n)"));
    QStringList found;
    for (auto it = re.globalMatch(text); it.hasNext();)
        found << it.next().captured(0);
    found.sort();
    found.removeDuplicates();
    return found;
}

QHash<QString, QString> actionTexts(const ui::MainWindow &window)
{
    QHash<QString, QString> texts;
    for (const QAction *a : window.actions()) {
        if (!a->objectName().isEmpty())
            texts.insert(a->objectName(), a->text());
    }
    return texts;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private slots:
    void cleanup() { removeTranslations(); }

    void everyLanguageIsEmbedded()
    {
        QCOMPARE(availableLanguages(), (QStringList { QStringLiteral("de"), QStringLiteral("zh_CN") }));
        QCOMPARE(languageName(QStringLiteral("de")), QStringLiteral("Deutsch"));
        QCOMPARE(languageName(QStringLiteral("zh_CN")), QStringLiteral("简体中文"));
    }

    void tsFileIsComplete_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("pluralForms");
        QTest::newRow("German?") << "de" << 2;
        QTest::newRow("Chinese?") << "zh_CN" << 1;
        QTest::newRow("English (plurals only)?") << "en" << 2;
    }

    void tsFileIsComplete()
    {
        QFETCH(QString, language);
        QFETCH(int, pluralForms);
        QString error;
        const QList<TsMessage> messages = readTs(kSourceDir + "/translations/bytehaul_" + language + ".ts", &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() >= (language == "en" ? 5 : 300));
        for (const TsMessage &m : messages) {
            const QString where = m.context + ": " + m.source;
            QVERIFY2(m.type.isEmpty(), qPrintable(m.type + " entry: " + where));
            QCOMPARE(m.forms.size(), m.numerus ? pluralForms : 1);
            for (const QString &form : m.forms) {
                QVERIFY2(!form.trimmed().isEmpty(), qPrintable("empty translation: " + where));
                QVERIFY2(placeholders(form) == placeholders(m.source),
                         qPrintable("placeholders differ: " + where + " -> " + form));
            }
        }
    }

    void tsFileMatchesTheSources_data() { tsFileIsComplete_data(); }

    // lupdate over today's sources adds nothing (no new string left untranslated) and drops
    // nothing (no obsolete entry kept).
    void tsFileMatchesTheSources()
    {
        QFETCH(QString, language);
        QTemporaryDir dir;
        const QString copy = dir.filePath("copy_" + language + ".ts");
        QVERIFY(QFile::copy(kSourceDir + "/translations/bytehaul_" + language + ".ts", copy));
        QString error;
        const qsizetype before = readTs(copy, &error).size();
        QStringList args { "-I", kSourceDir, "-I", kSourceDir + "/app", kSourceDir + "/engine", kSourceDir + "/ui",
                           kSourceDir + "/app", "-no-obsolete", "-locations", "none", "-ts", copy };
        if (language == "en")
            args << "-pluralonly" << "-source-language" << "en" << "-target-language" << "en";
        QProcess lupdate;
        lupdate.start(QStringLiteral(BYTEHAUL_LUPDATE), args);
        QVERIFY(lupdate.waitForFinished(120000));
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        const QList<TsMessage> after = readTs(copy, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        for (const TsMessage &m : after)
            QVERIFY2(m.type.isEmpty(), qPrintable("not translated yet (run the update_translations target): " + m.context + ": " + m.source));
        QCOMPARE(after.size(), before);
    }

    void windowSpeaksTheLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("paused");
        QTest::addColumn<QString>("sizeHeader");
        QTest::addColumn<QString>("counts");
        QTest::newRow("German window?") << "de" << QString::fromUtf8("Angehalten") << QString::fromUtf8("Größe")
                                        << QString::fromUtf8("0 aktiv, 0 wartend");
        QTest::newRow("Chinese window?") << "zh_CN" << QString::fromUtf8("已暂停") << QString::fromUtf8("大小")
                                         << QString::fromUtf8("0 个活动，0 个排队");
    }

    void windowSpeaksTheLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, paused);
        QFETCH(QString, sizeHeader);
        QFETCH(QString, counts);
        QTemporaryDir dir;
        QHash<QString, QString> english;
        {
            QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
            DownloadManager manager;
            ui::MainWindow window(&manager, dir.filePath("queue.json"), ui::UiPreferences());
            english = actionTexts(window);
            QCOMPARE(stateName(DownloadState::Paused), QStringLiteral("Paused"));
            removeTranslations();
        }
        QVERIFY(english.size() >= 20);
        QCOMPARE(installTranslations(language), language);
        DownloadManager manager;
        ui::MainWindow window(&manager, dir.filePath("queue.json"), ui::UiPreferences());
        const QHash<QString, QString> translated = actionTexts(window);
        QCOMPARE(translated.size(), english.size());
        for (auto it = english.cbegin(); it != english.cend(); ++it)
            QVERIFY2(translated.value(it.key()) != it.value(), qPrintable(it.key() + " is still " + it.value()));
        QCOMPARE(stateName(DownloadState::Paused), paused);
        QCOMPARE(window.model()->headerData(ui::DownloadListModel::Size, Qt::Horizontal, Qt::DisplayRole).toString(), sizeHeader);
        QVERIFY(window.windowTitle() == QLatin1String("bytehaul"));
        // The status bar's counts, with their plurals.
        QStringList texts;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            texts << label->text();
        QVERIFY2(texts.contains(counts), qPrintable(texts.join(QStringLiteral(" | "))));
    }

    // Preferences change the language of an open window: every action, the menus, the
    // categories, the headers and the status bar follow at once, and back again.
    void openWindowFollowsALanguageChange()
    {
        QTemporaryDir dir;
        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        DownloadManager manager;
        ui::MainWindow window(&manager, dir.filePath("queue.json"), ui::UiPreferences());
        const QHash<QString, QString> english = actionTexts(window);
        const QString fileMenu = window.menuBar()->actions().first()->text();
        QCOMPARE(installTranslations(QStringLiteral("de")), QStringLiteral("de"));
        QCoreApplication::sendPostedEvents(); // QEvent::LanguageChange reaches the window
        const QHash<QString, QString> german = actionTexts(window);
        for (auto it = english.cbegin(); it != english.cend(); ++it)
            QVERIFY2(german.value(it.key()) != it.value(), qPrintable(it.key() + " is still " + it.value()));
        QCOMPARE(german.value("pause"), QStringLiteral("&Anhalten"));
        QCOMPARE(window.menuBar()->actions().first()->text(), QStringLiteral("&Datei"));
        QCOMPARE(window.model()->headerData(ui::DownloadListModel::Size, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QString::fromUtf8("Größe"));
        QCOMPARE(window.findChild<QListWidget *>()->item(0)->text(), QStringLiteral("Alle"));
        QCOMPARE(window.findChild<QLineEdit *>()->placeholderText(), QStringLiteral("Nach Name oder Adresse suchen"));
        QStringList texts;
        for (const QLabel *label : window.statusBar()->findChildren<QLabel *>())
            texts << label->text();
        QVERIFY2(texts.contains(QStringLiteral("0 aktiv, 0 wartend")), qPrintable(texts.join(" | ")));

        QCOMPARE(installTranslations(QStringLiteral("en")), QStringLiteral("en"));
        QCoreApplication::sendPostedEvents();
        QCOMPARE(actionTexts(window), english);
        QCOMPARE(window.menuBar()->actions().first()->text(), fileMenu);
    }

    void detailsAndErrorsSpeakTheLanguageOfTheMoment_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("checksumLabel");
        QTest::addColumn<QString>("notFound");
        QTest::newRow("English?") << "en" << "Checksum:" << "Failed: HTTP 404: not on the server";
        QTest::newRow("German?") << "de" << QString::fromUtf8("Prüfsumme:") << "Fehlgeschlagen: HTTP 404: nicht auf dem Server";
        QTest::newRow("Chinese?") << "zh_CN" << QString::fromUtf8("校验和：") << QString::fromUtf8("失败：HTTP 404：服务器上没有此文件");
    }

    // The details pane names every field, and an error made in one language (the engine's
    // English text, stored) is shown in the language of the window now.
    void detailsAndErrorsSpeakTheLanguageOfTheMoment()
    {
        QFETCH(QString, language);
        QFETCH(QString, checksumLabel);
        QFETCH(QString, notFound);
        QCOMPARE(installTranslations(language), language);
        ui::DetailsPane pane;
        DownloadSnapshot s;
        s.id = 1;
        s.state = DownloadState::Failed;
        s.url = QUrl("http://127.0.0.1/x.iso");
        s.error = QStringLiteral("http://127.0.0.1/x.iso: HTTP 404 Not Found: the file is not on the server; check the address");
        s.errorCode = ErrorCode::HttpNotFound;
        s.httpStatus = 404;
        pane.setSnapshot(&s);
        QStringList labels;
        auto *form = pane.findChild<QFormLayout *>();
        QVERIFY(form);
        for (int row = 0; row < form->rowCount(); ++row) {
            QLayoutItem *item = form->itemAt(row, QFormLayout::LabelRole);
            auto *label = item ? qobject_cast<QLabel *>(item->widget()) : nullptr;
            QVERIFY2(label && !label->text().isEmpty(), qPrintable(QString("row %1 has no label").arg(row)));
            labels << label->text();
        }
        QVERIFY2(labels.contains(checksumLabel), qPrintable(labels.join(" | ")));
        QCOMPARE(ui::DownloadListModel::statusText(s), notFound);
    }

    void pluralsFollowTheNumber_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<int>("n");
        QTest::addColumn<QString>("expected");
        QTest::newRow("English, one?") << "en" << 1 << "Remove 1 download from the list?";
        QTest::newRow("English, two?") << "en" << 2 << "Remove 2 downloads from the list?";
        QTest::newRow("German, one?") << "de" << 1 << "1 Download aus der Liste entfernen?";
        QTest::newRow("German, two?") << "de" << 2 << "2 Downloads aus der Liste entfernen?";
        QTest::newRow("Chinese, two?") << "zh_CN" << 2 << QString::fromUtf8("从列表中移除 2 个下载？");
    }

    void pluralsFollowTheNumber()
    {
        QFETCH(QString, language);
        QFETCH(int, n);
        QFETCH(QString, expected);
        QCOMPARE(installTranslations(language), language);
        QCOMPARE(QCoreApplication::translate("bytehaul::ui::MainWindow", "Remove %n download(s) from the list?", nullptr, n),
                 expected);
    }

    void systemLanguageIsFollowedWithEnglishAsTheFallback()
    {
        // A language without a translation falls back to English (with its plurals).
        QCOMPARE(installTranslations(QStringLiteral("fr")), QStringLiteral("en"));
        QCOMPARE(QCoreApplication::translate("bytehaul::ui::MainWindow", "%n download(s) are running. Quit anyway? They "
                                             "are saved and continue where they stopped next time.", nullptr, 1)
                     .left(20),
                 QStringLiteral("1 download is runnin"));
        removeTranslations();
        // A regional variant finds its language.
        QCOMPARE(installTranslations(QStringLiteral("de_CH")), QStringLiteral("de"));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
