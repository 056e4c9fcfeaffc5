// SPDX-License-Identifier: BSD-3-Clause
#include "cli/tokenscommand.h"

#include "cli/cli.h"
#include "secrets/forgetokenhealthcheck.h"
#include "secrets/redaction.h"
#include "secrets/tokenstore.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QTextStream>

#include <cerrno>
#include <cstdio>

#if defined(Q_OS_UNIX)
#include <termios.h>
#include <unistd.h>
#elif defined(Q_OS_WIN)
#include <io.h>
#include <windows.h>
#endif

using namespace Qt::StringLiterals;

namespace rc::cli {

namespace {

using namespace rc::secrets;

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(rc::cli::TokensCommand)
};

constexpr int kMaxTokenBytes = 4096;

struct TokensOptions
{
    QCommandLineOption forge {u"forge"_s, Text::tr("github or gitlab"), u"forge"_s};
    QCommandLineOption host {u"host"_s,
                             Text::tr("API host, e.g. ghe.example.org or gitlab.example.org "
                                      "(default: api.github.com / gitlab.com)"),
                             u"host"_s};
    QCommandLineOption json {u"json"_s, Text::tr("print JSON")};
    QCommandLineOption timeout {u"timeout"_s,
                                Text::tr("seconds to wait for the keychain, 1 to 10 (default 10)"),
                                u"seconds"_s, u"10"_s};
    QCommandLineOption help {{u"h"_s, u"help"_s}, Text::tr("show this help")};
};

QString usageText(const QString &commandName)
{
    return Text::
        tr("Usage: %1 <action> [options]\n\n"
           "Manages the GitHub and GitLab tokens in the OS keychain (service "
           "'release-console').\n\n"
           "Actions:\n"
           "  status [--json]                      the keychain's state and every stored token\n"
           "  set --forge F [--host H]             store a token read from standard input\n"
           "  remove --forge F [--host H]          remove a stored token\n"
           "  test --forge F [--host H] [--json]   ask the forge what the token can do\n\n"
           "Options:\n"
           "  --forge <forge>     github or gitlab\n"
           "  --host <host>       API host (default: api.github.com / gitlab.com)\n"
           "  --timeout <s>       seconds to wait for the keychain, 1 to 10 (default 10)\n"
           "  --json              print JSON (status, test)\n"
           "  -h, --help          show this help\n\n"
           "A token is never taken from the command line and never printed. Example:\n"
           "  secret-tool lookup ... | %1 set --forge gitlab --host gitlab.example.org\n\n"
           "Exit codes: 0 done; 1 the keychain or forge could not do it; 2 invalid input.\n")
            .arg(commandName);
}

// Runs one asynchronous TokenStore call to completion on a local event loop.
template<typename Result, typename Start>
Result waitFor(Start start)
{
    QEventLoop loop;
    std::optional<Result> result;
    start(&loop, [&loop, &result](Result value) {
        result = std::move(value);
        loop.quit();
    });
    if (!result)
        loop.exec();
    return std::move(*result);
}

// Turns terminal echo off while a token is typed, and back on afterwards.
class EchoOff
{
public:
    EchoOff()
    {
#if defined(Q_OS_UNIX)
        if (::isatty(STDIN_FILENO) && ::tcgetattr(STDIN_FILENO, &m_saved) == 0) {
            termios quiet = m_saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            m_active = ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &quiet) == 0;
        }
#elif defined(Q_OS_WIN)
        m_console = ::GetStdHandle(STD_INPUT_HANDLE);
        if (::GetConsoleMode(m_console, &m_saved))
            m_active = ::SetConsoleMode(m_console, m_saved & ~DWORD(ENABLE_ECHO_INPUT)) != 0;
#endif
    }
    ~EchoOff()
    {
#if defined(Q_OS_UNIX)
        if (m_active)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &m_saved);
#elif defined(Q_OS_WIN)
        if (m_active)
            ::SetConsoleMode(m_console, m_saved);
#endif
    }
    EchoOff(const EchoOff &) = delete;
    EchoOff &operator=(const EchoOff &) = delete;

private:
    bool m_active = false;
#if defined(Q_OS_UNIX)
    termios m_saved {};
#elif defined(Q_OS_WIN)
    HANDLE m_console = nullptr;
    DWORD m_saved = 0;
#endif
};

bool stdinIsTerminal()
{
#if defined(Q_OS_UNIX)
    return ::isatty(STDIN_FILENO);
#elif defined(Q_OS_WIN)
    return ::_isatty(::_fileno(stdin));
#else
    return false;
#endif
}

// One byte of standard input, unbuffered where the system allows: stdio's buffer would keep a
// copy of the token in ordinary memory.
bool readStdinByte(char &byte)
{
#if defined(Q_OS_UNIX)
    for (;;) {
        const ssize_t got = ::read(STDIN_FILENO, &byte, 1);
        if (got == 1)
            return true;
        if (got < 0 && errno == EINTR)
            continue;
        return false;
    }
#else
    std::setvbuf(stdin, nullptr, _IONBF, 0);
    const int character = std::fgetc(stdin);
    byte = char(character);
    return character != EOF;
#endif
}

// Reads the first line of standard input straight into secure memory: no QString, no echo.
QCA::SecureArray readTokenLine(QTextStream &err)
{
    const bool terminal = stdinIsTerminal();
    if (terminal) {
        // The context spelled out: lupdate loses Text's after the qualified names above.
        err << QCoreApplication::translate("rc::cli::TokensCommand", "Token (input hidden): ");
        err.flush();
    }
    QCA::SecureArray buffer(kMaxTokenBytes + 1);
    int length = 0;
    {
        const EchoOff echoOff;
        char character = 0;
        while (length <= kMaxTokenBytes && readStdinByte(character) && character != '\n')
            buffer[length++] = character;
    }
    if (terminal)
        err << u'\n';
    QCA::SecureArray token(length);
    std::copy_n(buffer.constData(), length, token.data());
    buffer.fill('\0');
    chopLineEnd(token);  // a "\r" left by a Windows line end
    return token;
}

std::optional<TokenKey> keyFromOptions(const QCommandLineParser &parser,
                                       const TokensOptions &options, QTextStream &err)
{
    if (!parser.isSet(options.forge)) {
        err << Text::tr("error: --forge github|gitlab is required") << u'\n';
        return std::nullopt;
    }
    const std::optional<Forge> forge = forgeFromId(parser.value(options.forge));
    if (!forge) {
        // The value is not echoed: a token pasted into the wrong place must not reach a log.
        err << Text::tr("error: --forge must be github or gitlab") << u'\n';
        return std::nullopt;
    }
    const std::optional<TokenKey> key = TokenKey::fromUserInput(*forge, parser.value(options.host));
    if (!key)
        err << Text::tr("error: --host must be a host name or URL, e.g. gitlab.example.org")
            << u'\n';
    return key;
}

void printKeychainError(QTextStream &err, const KeychainError &error)
{
    err << Text::tr("error: %1").arg(error.message());
    if (!error.detail.isEmpty())
        err << u" ("_s << error.detail << u')';
    err << u'\n' << Text::tr("next step: %1").arg(error.nextStep()) << u'\n';
}

QString presenceText(EntryPresence presence)
{
    switch (presence) {
    case EntryPresence::Stored:
        return Text::tr("stored in the keychain");
    case EntryPresence::Absent:
        return Text::tr("not stored");
    case EntryPresence::Locked:
        return Text::tr("unknown: the keyring is locked");
    case EntryPresence::Unknown:
        break;
    }
    return Text::tr("unknown");
}

int runStatus(TokenStore &store, const QCommandLineParser &parser, const TokensOptions &options,
              QTextStream &out, QTextStream &err)
{
    QList<TokenKey> keys = defaultTokenKeys();
    if (parser.isSet(options.forge)) {
        const std::optional<TokenKey> key = keyFromOptions(parser, options, err);
        if (!key)
            return InvalidInput;
        keys = {*key};
    }
    const KeychainStatus status =
        waitFor<KeychainStatus>([&store, &keys](QObject *context, auto done) {
            store.status(keys, context, std::move(done));
        });

    if (parser.isSet(options.json)) {
        QJsonObject keychain {{u"state"_s, status.error ? status.error->id() : u"usable"_s}};
        if (status.error) {
            keychain.insert(u"message"_s, status.error->message());
            keychain.insert(u"detail"_s, status.error->detail);
            keychain.insert(u"nextStep"_s, status.error->nextStep());
        }
        QJsonArray tokens;
        for (const TokenEntryStatus &entry : status.entries) {
            tokens.append(QJsonObject {{u"forge"_s, forgeId(entry.key.forge)},
                                       {u"host"_s, entry.key.host},
                                       {u"account"_s, entry.key.account()},
                                       {u"state"_s, presenceId(entry.presence)},
                                       {u"thisRunOnly"_s, entry.hasThisRunToken}});
        }
        out << QString::fromUtf8(
            QJsonDocument(QJsonObject {{u"service"_s, kKeychainService.toString()},
                                       {u"keychain"_s, keychain},
                                       {u"tokens"_s, tokens}})
                .toJson(QJsonDocument::Indented));
    } else {
        if (status.error)
            out << Text::tr("Keychain: %1").arg(status.error->describe()) << u'\n';
        else
            out << Text::tr("Keychain: usable (service '%1')").arg(kKeychainService) << u'\n';
        for (const TokenEntryStatus &entry : status.entries)
            out << u"  "_s << entry.key.displayName().leftJustified(34)
                << presenceText(entry.presence) << u'\n';
    }
    const bool usable = !status.error || status.error->kind == KeychainErrorKind::Locked;
    return usable && !status.error ? Success : Failure;
}

int runSet(TokenStore &store, const TokenKey &key, QTextStream &out, QTextStream &err)
{
    QCA::SecureArray token = readTokenLine(err);
    if (const QString problem = checkTokenShape(token); !problem.isEmpty()) {
        err << Text::tr("error: %1; nothing was stored").arg(problem) << u'\n';
        return InvalidInput;
    }
    const TokenChange change =
        waitFor<TokenChange>([&store, &key, &token](QObject *context, auto done) {
            store.save(key, token, context, std::move(done));
        });
    token.fill('\0');
    if (change.error) {
        printKeychainError(err, *change.error);
        err << Text::tr("The token was not stored anywhere.") << u'\n';
        return Failure;
    }
    out << Text::tr("Stored the %1 token in the keychain.").arg(key.displayName()) << u'\n';
    return Success;
}

int runRemove(TokenStore &store, const TokenKey &key, QTextStream &out, QTextStream &err)
{
    const TokenChange change = waitFor<TokenChange>([&store, &key](QObject *context, auto done) {
        store.remove(key, context, std::move(done));
    });
    if (change.error && change.error->kind == KeychainErrorKind::NotFound) {
        err << Text::tr("error: no %1 token is stored; nothing was removed").arg(key.displayName())
            << u'\n';
        return Failure;
    }
    if (change.error) {
        printKeychainError(err, *change.error);
        return Failure;
    }
    out << Text::tr("Removed the %1 token from the keychain.").arg(key.displayName()) << u'\n';
    return Success;
}

int runTest(TokenStore &store, const TokenKey &key, bool json, QTextStream &out, QTextStream &err)
{
    TokenLoad load = waitFor<TokenLoad>(
        [&store, &key](QObject *context, auto done) { store.load(key, context, std::move(done)); });
    if (load.error) {
        printKeychainError(err, *load.error);
        return Failure;
    }
    ForgeTokenHealthCheck healthCheck;
    const TokenHealthReport report = waitFor<TokenHealthReport>([&](QObject *context, auto done) {
        healthCheck.check(key, load.token, context, std::move(done));
    });
    load.token.fill('\0');
    if (report.networkError) {
        err << Text::tr("error: could not ask %1: %2").arg(key.host, *report.networkError) << u'\n';
        return Failure;
    }
    const TokenHealth &health = report.health;
    if (json) {
        QJsonObject object = health.toJson();
        object.insert(u"forge"_s, forgeId(key.forge));
        object.insert(u"host"_s, key.host);
        out << QString::fromUtf8(QJsonDocument(object).toJson(QJsonDocument::Indented));
    } else {
        out << key.displayName() << u'\n';
        for (const HealthLine &line : health.lines())
            out << u"  "_s << QString(line.label + u':').leftJustified(14) << line.value << u'\n';
    }
    return health.overall() == HealthSeverity::Problem ? Failure : Success;
}

}  // namespace

int runTokensCommand(const QStringList &arguments, QTextStream &out, QTextStream &err)
{
    const QString commandName = arguments.value(0, u"release-console tokens"_s);
    const QString action = arguments.value(1);
    if (action.isEmpty() || action == "--help"_L1 || action == "-h"_L1 || action == "help"_L1) {
        out << usageText(commandName);
        return action.isEmpty() ? InvalidInput : Success;
    }
    const QStringList actions {u"status"_s, u"set"_s, u"remove"_s, u"test"_s};
    if (!actions.contains(action)) {
        err << Text::tr("error: unknown action '%1'; see '%2 --help'")
                   .arg(redactTokenShapes(action), commandName)
            << u'\n';
        return InvalidInput;
    }

    const TokensOptions options;
    QCommandLineParser parser;
    parser.addOptions({options.forge, options.host, options.json, options.timeout, options.help});
    QStringList actionArguments = arguments.mid(1);
    actionArguments[0] = commandName + u' ' + action;
    if (!parser.parse(actionArguments)) {
        err << Text::tr("error: %1").arg(redactTokenShapes(parser.errorText())) << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(options.help)) {
        out << usageText(commandName);
        return Success;
    }
    if (!parser.positionalArguments().isEmpty()) {
        // Most likely a token pasted as an argument: say so without echoing it.
        err << Text::tr("error: unexpected argument; a token is read from standard input, never "
                        "from the command line")
            << u'\n';
        return InvalidInput;
    }
    bool timeoutOk = false;
    const int timeoutSeconds = parser.value(options.timeout).toInt(&timeoutOk);
    if (!timeoutOk || timeoutSeconds < 1 || timeoutSeconds > 10) {
        err << Text::tr("error: --timeout must be a whole number of seconds from 1 to 10") << u'\n';
        return InvalidInput;
    }
    if (parser.isSet(options.json) && action != "status"_L1 && action != "test"_L1) {
        err << Text::tr("error: --json applies to status and test only") << u'\n';
        return InvalidInput;
    }

    std::optional<TokenKey> key;
    if (action != "status"_L1) {
        key = keyFromOptions(parser, options, err);
        if (!key)
            return InvalidInput;
    }

    // Secure memory for the token, for the life of this command.
    const QCA::Initializer secureMemory;
    const std::unique_ptr<TokenStore> store =
        TokenStore::forSystemKeychain(std::chrono::seconds(timeoutSeconds));
    if (action == "status"_L1)
        return runStatus(*store, parser, options, out, err);
    if (action == "set"_L1)
        return runSet(*store, *key, out, err);
    if (action == "remove"_L1)
        return runRemove(*store, *key, out, err);
    return runTest(*store, *key, parser.isSet(options.json), out, err);
}

}  // namespace rc::cli
