#include "engine/messagefilter.h"

#include <QRegularExpression>

namespace bytehaul {

namespace {
QtMessageHandler g_next = nullptr;

void filter(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    if (isQtInternalMessage(type, context.category, message))
        return;
    if (g_next)
        g_next(type, context, message);
}
} // namespace

bool isQtInternalMessage(QtMsgType type, const char *category, const QString &message)
{
    if (type == QtFatalMsg)
        return false; // an abort explains itself
    // Qt's logging categories all start with "qt." (qt.network.ssl, qt.qpa.xcb, ...).
    if (category && qstrncmp(category, "qt.", 3) == 0)
        return true;
    // Uncategorised warnings from Qt's classes name their function: "QClass::function: ..."
    // or "QClassPrivate::function: ...".
    static const QRegularExpression qtFunction(QStringLiteral("^Q[A-Za-z0-9_]+(::[A-Za-z0-9_~]+)+(\\(\\))?:"));
    return qtFunction.match(message).hasMatch();
}

void installMessageFilter()
{
    if (qEnvironmentVariableIntValue("BYTEHAUL_DEBUG") != 0)
        return;
    static bool installed = false;
    if (installed)
        return;
    installed = true;
    g_next = qInstallMessageHandler(filter);
}

} // namespace bytehaul
