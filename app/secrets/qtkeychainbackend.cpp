// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/qtkeychainbackend.h"

#include <qt6keychain/keychain.h>

using namespace Qt::StringLiterals;

namespace rc::secrets {

namespace {

KeychainError errorFromJob(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::EntryNotFound:
        return {KeychainErrorKind::NotFound, {}};
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return {KeychainErrorKind::AccessDenied, job.errorString()};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return {KeychainErrorKind::NoBackend, job.errorString()};
    case QKeychain::NoError:
    case QKeychain::CouldNotDeleteEntry:
    case QKeychain::OtherError:
        break;
    }
    return {KeychainErrorKind::Failed, job.errorString()};
}

// A job is created without a parent and deletes itself once finished: QtKeychain's libsecret
// callbacks keep raw pointers to it, so it must outlive a caller that gave up waiting.
template<typename Job>
Job *prepareJob(const QString &service, const QString &account)
{
    auto *job = new Job(service);
    job->setKey(account);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);  // never a plaintext copy in QSettings
    return job;
}

}  // namespace

QtKeychainBackend::QtKeychainBackend(QObject *parent)
    : QObject(parent)
{ }

QtKeychainBackend::~QtKeychainBackend() = default;

void QtKeychainBackend::read(const QString &service, const QString &account, Done done)
{
    auto *job = prepareJob<QKeychain::ReadPasswordJob>(service, account);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        KeychainReply reply;
        if (job->error() != QKeychain::NoError)
            reply.error = errorFromJob(*job);
        else
            reply.secret = QCA::SecureArray(job->binaryData());
        done(std::move(reply));
    });
    job->start();
}

void QtKeychainBackend::write(const QString &service, const QString &account,
                              const QCA::SecureArray &secret, Done done)
{
    auto *job = prepareJob<QKeychain::WritePasswordJob>(service, account);
    // Text, not binary: stored as-is so other Secret Service tools see the same token. The
    // temporary string is wiped here; QtKeychain's own copy lives until the job is deleted.
    QString text = QString::fromUtf8(secret.constData(), secret.size());
    job->setTextData(text);
    text.fill(u'\0');
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        KeychainReply reply;
        if (job->error() != QKeychain::NoError)
            reply.error = errorFromJob(*job);
        done(std::move(reply));
    });
    job->start();
}

void QtKeychainBackend::remove(const QString &service, const QString &account, Done done)
{
    auto *job = prepareJob<QKeychain::DeletePasswordJob>(service, account);
    connect(job, &QKeychain::Job::finished, this, [job, done = std::move(done)] {
        KeychainReply reply;
        if (job->error() != QKeychain::NoError)
            reply.error = errorFromJob(*job);
        done(std::move(reply));
    });
    job->start();
}

}  // namespace rc::secrets
