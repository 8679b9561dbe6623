#include "engine/filenames.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace bytehaul;

class TestFileNames final : public QObject
{
    Q_OBJECT
private slots:
    void choose_data()
    {
        QTest::addColumn<QByteArray>("disposition");
        QTest::addColumn<QString>("url");
        QTest::addColumn<QString>("expected");
        QTest::newRow("filename* wins over filename?")
            << QByteArray("attachment; filename=\"plain.txt\"; filename*=UTF-8''%C3%A9t%C3%A9.txt")
            << "http://h/x" << QStringLiteral("\u00e9t\u00e9.txt");
        QTest::newRow("quoted filename with semicolon?") << QByteArray("attachment; filename=\"a;b.zip\"")
                                                       << "http://h/x" << "a;b.zip";
        QTest::newRow("unquoted filename?") << QByteArray("inline; filename=report.pdf") << "http://h/x"
                                          << "report.pdf";
        QTest::newRow("latin-1 ext value?") << QByteArray("attachment; filename*=iso-8859-1''caf%E9.txt")
                                          << "http://h/x" << QStringLiteral("caf\u00e9.txt");
        QTest::newRow("no header: URL segment, percent-decoded?") << QByteArray() << "http://h/dir/my%20file.iso?x=1"
                                                                << "my file.iso";
        QTest::newRow("trailing slash: last non-empty segment?") << QByteArray() << "http://h/dir/sub/" << "sub";
        QTest::newRow("nothing at all: download?") << QByteArray() << "http://h/" << "download";
        QTest::newRow("traversal in header is flattened?") << QByteArray("attachment; filename=\"../../x\"")
                                                         << "http://h/y" << "_.._x";
        QTest::newRow("absolute path is flattened?") << QByteArray("attachment; filename=\"/etc/passwd\"")
                                                   << "http://h/y" << "_etc_passwd";
        QTest::newRow("mixed separators?") << QByteArray("attachment; filename=\"a/b\\\\c\"") << "http://h/y"
                                         << "a_b_c";
        QTest::newRow("dot-dot alone falls back to URL?") << QByteArray("attachment; filename=\"..\"")
                                                        << "http://h/real.bin" << "real.bin";
        QTest::newRow("empty name falls back to URL?") << QByteArray("attachment; filename=\"\"")
                                                     << "http://h/real.bin" << "real.bin";
        QTest::newRow("control characters removed?") << QByteArray("attachment; filename=\"a\x01\x1f" "b.txt\"")
                                                   << "http://h/y" << "ab.txt";
        QTest::newRow("reserved Windows name renamed?") << QByteArray("attachment; filename=\"CON\"")
                                                      << "http://h/y" << "CON_";
        QTest::newRow("reserved name with extension?") << QByteArray("attachment; filename=\"nul.txt\"")
                                                     << "http://h/y" << "nul_.txt";
        QTest::newRow("encoded slash in URL is flattened?") << QByteArray() << "http://h/a%2F..%2Fb" << "a_.._b";
        // Names that look like another: bidi overrides and isolates, zero-width characters.
        QTest::newRow("right-to-left override removed?") << QByteArray("attachment; filename*=UTF-8''invoice%E2%80%AEgpj.exe")
                                                         << "http://h/y" << "invoicegpj.exe";
        QTest::newRow("bidi isolates removed?") << QByteArray("attachment; filename*=UTF-8''a%E2%81%A6b%E2%81%A9c.txt")
                                                << "http://h/y" << "abc.txt";
        QTest::newRow("zero-width space and joiner removed?")
            << QByteArray("attachment; filename*=UTF-8''set%E2%80%8Bup%E2%80%8D.exe%EF%BB%BF") << "http://h/y" << "setup.exe";
        QTest::newRow("left-to-right mark in the URL removed?") << QByteArray() << "http://h/file%E2%80%8E.pdf" << "file.pdf";
        QTest::newRow("other format characters removed?")
            << QByteArray("attachment; filename*=UTF-8''a%E2%81%A4b%C2%ADc%F3%A0%80%81.txt") << "http://h/y" << "abc.txt";
        QTest::newRow("Hangul filler removed?") << QByteArray("attachment; filename*=UTF-8''x%E3%85%A4.exe") << "http://h/y" << "x.exe";
        QTest::newRow("emoji kept?") << QByteArray("attachment; filename*=UTF-8''%F0%9F%98%80.png") << "http://h/y" << QString::fromUtf8("\xF0\x9F\x98\x80.png");
        // Never one of bytehaul's own names.
        QTest::newRow("a control file's name?") << QByteArray("attachment; filename=\"x.iso.bytehaul\"")
                                                << "http://h/y" << "x.iso.bytehaul_";
        QTest::newRow("a control file's name in capitals?") << QByteArray() << "http://h/x.BYTEHAUL" << "x.BYTEHAUL_";
        QTest::newRow("a partial file's name?") << QByteArray("attachment; filename=\"x.iso.part\"")
                                                << "http://h/y" << "x.iso.part_";
        QTest::newRow("a control file's temporary name?") << QByteArray("attachment; filename=\"x.bytehaul.tmp\"")
                                                          << "http://h/y" << "x.bytehaul.tmp_";
    }
    void choose()
    {
        QFETCH(QByteArray, disposition);
        QFETCH(QString, url);
        QFETCH(QString, expected);
        QCOMPARE(chooseFileName(disposition, QUrl(url)), expected);
    }

    void longNamesKeepTheirExtension()
    {
        const QString name = QString(300, QLatin1Char('a')) + QStringLiteral(".tar.gz");
        const QString safe = sanitizeFileName(name);
        QVERIFY(safe.toUtf8().size() <= 255);
        QVERIFY(safe.endsWith(QLatin1String(".tar.gz")));
        // Multi-byte characters are never cut in half.
        const QString wide = QString(200, QChar(0x00e9)) + QStringLiteral(".iso");
        const QString safeWide = sanitizeFileName(wide);
        QVERIFY(safeWide.toUtf8().size() <= 255);
        QVERIFY(safeWide.endsWith(QLatin1String(".iso")));
        QCOMPARE(QString::fromUtf8(safeWide.toUtf8()), safeWide);
        // Four-byte characters (surrogate pairs) are never cut in half either: 100 emoji + .iso
        // once ended in '?'.
        QString emoji;
        for (int i = 0; i < 100; ++i)
            emoji += QString::fromUcs4(U"\U0001F600", 1);
        const QString safeEmoji = sanitizeFileName(emoji + QStringLiteral(".iso"));
        QVERIFY(safeEmoji.toUtf8().size() <= kMaxNameBytes);
        QVERIFY(safeEmoji.endsWith(QLatin1String(".iso")));
        QCOMPARE(QString::fromUtf8(safeEmoji.toUtf8()), safeEmoji); // no lone surrogate
        QVERIFY(!safeEmoji.back().isSurrogate() && !safeEmoji.chopped(4).back().isHighSurrogate());
        QVERIFY(!safeEmoji.contains(QChar(0xfffd)) && !safeEmoji.contains(QLatin1Char('?')));
        // Found by fuzz_filename: a lone surrogate is dropped, and a cut never ends in ".part".
        const QString lone = QStringLiteral("a") + QChar(0xd83d) + QStringLiteral("b.txt");
        QCOMPARE(sanitizeFileName(lone), QStringLiteral("ab.txt"));
        const QString cut = QString(kMaxNameBytes - 6, QLatin1Char('x')) + QStringLiteral(".part") + QString(40, QChar(0x00e9));
        const QString safeCut = sanitizeFileName(cut);
        QVERIFY2(!safeCut.endsWith(QLatin1String(".part")) && safeCut.toUtf8().size() <= kMaxNameBytes, qPrintable(safeCut));
        // A name that fits leaves room for bytehaul's own suffixes within 255 bytes.
        QVERIFY(safe.toUtf8().size() + QByteArray(" (100).bytehaul.XXXXXXXXXXXX.tmp").size() <= 255);
    }

    void existingFilesAreNeverReused()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        QCOMPARE(uniqueFilePath(dir.path(), "a.iso"), dir.filePath("a.iso"));
        QFile(dir.filePath("a.iso")).open(QIODevice::WriteOnly);
        QCOMPARE(uniqueFilePath(dir.path(), "a.iso"), dir.filePath("a (1).iso"));
        QFile(dir.filePath("a (1).iso.bytehaul")).open(QIODevice::WriteOnly);
        QCOMPARE(uniqueFilePath(dir.path(), "a.iso"), dir.filePath("a (2).iso"));
        QCOMPARE(uniqueFilePath(dir.path(), "x.tar.gz"), dir.filePath("x.tar.gz"));
        QFile(dir.filePath("x.tar.gz")).open(QIODevice::WriteOnly);
        QCOMPARE(uniqueFilePath(dir.path(), "x.tar.gz"), dir.filePath("x (1).tar.gz"));
    }

    void danglingSymlinkCountsAsTaken()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::link(dir.filePath("nowhere"), dir.filePath("link.bin")));
        QCOMPARE(uniqueFilePath(dir.path(), "link.bin"), dir.filePath("link (1).bin"));
    }

    void reservationsKeepConcurrentDownloadsApart()
    {
        QTemporaryDir dir;
        const QString a = reserveUniqueFilePath(dir.path(), "same.bin");
        const QString b = reserveUniqueFilePath(dir.path(), "same.bin");
        QVERIFY(a != b);
        releaseFilePath(a);
        QCOMPARE(reserveUniqueFilePath(dir.path(), "same.bin"), a);
        releaseFilePath(a);
        releaseFilePath(b);
    }
};

QTEST_GUILESS_MAIN(TestFileNames)
#include "tst_filenames.moc"
