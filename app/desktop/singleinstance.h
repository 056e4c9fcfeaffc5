// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

#include <memory>

class QLocalServer;
class QLockFile;

namespace rc::desktop {

// One window per user: a second launch hands its arguments to the first, which raises its
// window, and then exits. Which process is the first is decided by a lock file; they talk over a
// local socket. Both live in the user's runtime folder ($XDG_RUNTIME_DIR, only the user's), so
// another user can neither take the name nor read the arguments.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    // `key` tells apart instances that must not meet (a test's, say).
    explicit SingleInstance(QString key, QObject *parent = nullptr);
    ~SingleInstance() override;

    enum class Role { Primary, HandedOver, NoAnswer };
    // Primary: this process is the first and now listens for later launches. HandedOver: the
    // first took `arguments`; this process should exit. NoAnswer: the first holds the lock but
    // did not take them in time (hung?): the caller says so and exits or runs alone.
    Role becomePrimary(const QStringList &arguments, int timeoutMs = 3000);
    QString serverName() const { return m_serverName; }

    // Bounds on what a later launch may hand over.
    static constexpr qsizetype maxMessageBytes = 64 * 1024;
    static constexpr qsizetype maxArguments = 64;

signals:
    // A later launch, with its arguments (the program name first).
    void launched(const QStringList &arguments);

private:
    void onNewConnection();

    QString m_serverName;
    std::unique_ptr<QLockFile> m_lock;
    QLocalServer *m_server = nullptr;
};

}  // namespace rc::desktop
