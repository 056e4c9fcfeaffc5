// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QFile>
#include <QMutex>
#include <QString>
#include <QtLogging>

namespace rc::desktop {

// Every Qt log message (each module logs under its own category, "rc.forge", "rc.watch", ...)
// also goes to a file in the app's data folder, rotated by size: release-console.log, then .1,
// .2 ... up to `keep` old files. Token shapes are redacted on the way. Qt has one message
// handler per process, so the log installs itself for its lifetime and restores the previous
// handler (which still prints to stderr) when it ends; only one may be installed at a time.
class FileLog
{
public:
    struct Options
    {
        qint64 maxBytes = 1024 * 1024;  // a file larger than this is rotated
        int keep = 3;                   // rotated files kept
        qsizetype maxMessageChars = 4096;
    };

    explicit FileLog(QString path, Options options);
    explicit FileLog(QString path);
    ~FileLog();
    FileLog(const FileLog &) = delete;
    FileLog &operator=(const FileLog &) = delete;

    // <AppDataLocation>/logs/release-console.log
    static QString defaultPath();

    bool isOpen() const { return m_file.isOpen(); }
    QString errorString() const { return m_error; }
    QString path() const { return m_path; }

    // One line: time, level, category, message (control characters removed; the handler has
    // redacted token shapes before).
    void write(QtMsgType type, const QMessageLogContext &context, const QString &message);

private:
    static void handle(QtMsgType type, const QMessageLogContext &context, const QString &message);
    bool open();
    void rotate();

    QString m_path;
    Options m_options;
    QFile m_file;
    QString m_error;
    QMutex m_mutex;
    QtMessageHandler m_previous = nullptr;
};

}  // namespace rc::desktop
