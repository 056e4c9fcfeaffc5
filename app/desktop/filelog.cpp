// SPDX-License-Identifier: BSD-3-Clause
#include "desktop/filelog.h"

#include "secrets/redaction.h"

#include <QDateTime>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

#include <atomic>
#include <cstdio>

using namespace Qt::StringLiterals;

namespace rc::desktop {

namespace {

// Qt's message handler is a plain function: it finds the installed log through this.
std::atomic<FileLog *> g_installed {nullptr};

QLatin1StringView levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug"_L1;
    case QtInfoMsg:
        return "info"_L1;
    case QtWarningMsg:
        return "warning"_L1;
    case QtCriticalMsg:
        return "critical"_L1;
    case QtFatalMsg:
        return "fatal"_L1;
    }
    return "?"_L1;
}

// One line per message, whatever it holds.
QString printableLine(const QString &text, qsizetype maxChars)
{
    QString line;
    line.reserve(std::min(text.size(), maxChars));
    for (const QChar c : text) {
        if (line.size() >= maxChars) {
            line += u'…';
            break;
        }
        if (c == u'\n' || c == u'\t')
            line += u' ';
        else if (c.category() != QChar::Other_Control && c.category() != QChar::Other_Format)
            line += c;
    }
    return line;
}

}  // namespace

FileLog::FileLog(QString path)
    : FileLog(std::move(path), Options {})
{ }

FileLog::FileLog(QString path, Options options)
    : m_path(std::move(path))
    , m_options(options)
{
    m_options.maxBytes = std::max<qint64>(m_options.maxBytes, 1024);
    m_options.keep = std::clamp(m_options.keep, 0, 20);
    if (!open())
        return;
    FileLog *none = nullptr;
    if (!g_installed.compare_exchange_strong(none, this)) {
        m_error = u"another log is installed"_s;
        m_file.close();
        return;
    }
    m_previous = qInstallMessageHandler(&FileLog::handle);
}

FileLog::~FileLog()
{
    FileLog *self = this;
    if (g_installed.compare_exchange_strong(self, nullptr))
        qInstallMessageHandler(m_previous);
}

QString FileLog::defaultPath()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return folder.isEmpty() ? QString() : folder + u"/logs/release-console.log"_s;
}

bool FileLog::open()
{
    if (m_path.isEmpty()) {
        m_error = u"no folder for the log file"_s;
        return false;
    }
    const QFileInfo info(m_path);
    if (!QDir().mkpath(info.absolutePath())) {
        m_error = u"cannot create %1"_s.arg(QDir::toNativeSeparators(info.absolutePath()));
        return false;
    }
    m_file.setFileName(m_path);
    // Only this user may read what the app logged, from the moment the file exists.
    const auto ownerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
    if (!m_file.open(QIODevice::WriteOnly | QIODevice::Append | QIODevice::Text, ownerOnly)) {
        m_error = m_file.errorString();
        return false;
    }
    m_file.setPermissions(ownerOnly);  // a file from before, made under another umask
    return true;
}

void FileLog::rotate()
{
    m_file.close();
    for (int i = m_options.keep; i >= 1; --i) {
        const QString older = m_path + u'.' + QString::number(i);
        const QString newer = i == 1 ? m_path : m_path + u'.' + QString::number(i - 1);
        QFile::remove(older);
        if (i <= m_options.keep && QFile::exists(newer))
            QFile::rename(newer, older);
    }
    if (m_options.keep == 0)
        QFile::remove(m_path);
    open();
}

void FileLog::write(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString line = QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) + u' ' +
        levelName(type) + u' ' + QString::fromLatin1(context.category ? context.category : "") +
        u": "_s + printableLine(message, m_options.maxMessageChars) + u'\n';
    const QMutexLocker lock(&m_mutex);
    if (!m_file.isOpen())
        return;
    m_file.write(line.toUtf8());
    m_file.flush();
    if (m_file.size() >= m_options.maxBytes)
        rotate();
}

void FileLog::handle(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    FileLog *log = g_installed.load();
    if (!log)
        return;
    // Redacted once, for the file and for stderr (or the journal) alike.
    const QString redacted = secrets::redactTokenShapes(message);
    log->write(type, context, redacted);
    if (log->m_previous)
        log->m_previous(type, context, redacted);
    else
        fprintf(stderr, "%s\n", qUtf8Printable(redacted));
}

}  // namespace rc::desktop
