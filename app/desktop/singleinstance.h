#pragma once

#include <QObject>
#include <QString>
#include <QStringList>

class QLocalServer;

namespace rc::desktop {

// One window per user (and per mode: the sandbox has its own): a second launch hands its
// arguments to the first, which raises its window, and then exits. Over a local socket named
// from the key and the user, so two users on one machine each have their own.
class SingleInstance : public QObject
{
    Q_OBJECT

public:
    explicit SingleInstance(QString key, QObject *parent = nullptr);
    ~SingleInstance() override;

    // True when this process is the first: it now listens for later launches. False when
    // another instance answered and took `arguments`; then this process should exit.
    bool becomePrimary(const QStringList &arguments, int timeoutMs = 2000);
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
    QLocalServer *m_server = nullptr;
};

}  // namespace rc::desktop
