// SPDX-License-Identifier: BSD-3-Clause
#include "secrets/tokenkey.h"

#include <QTest>

using namespace Qt::StringLiterals;
using rc::secrets::Forge;
using rc::secrets::TokenKey;

class TestTokenKey : public QObject
{
    Q_OBJECT

private slots:
    void fromUserInput_data()
    {
        QTest::addColumn<int>("forge");
        QTest::addColumn<QString>("typed");
        QTest::addColumn<QString>("account");  // empty: refused

        const int github = int(Forge::GitHub);
        const int gitlab = int(Forge::GitLab);
        QTest::newRow("default GitHub") << github << QString() << u"github:api.github.com"_s;
        QTest::newRow("default GitLab") << gitlab << u"  "_s << u"gitlab:gitlab.com"_s;
        QTest::newRow("bare host")
            << gitlab << u"gitlab.example.org"_s << u"gitlab:gitlab.example.org"_s;
        QTest::newRow("upper case")
            << gitlab << u"GitLab.Example.ORG"_s << u"gitlab:gitlab.example.org"_s;
        QTest::newRow("URL with path") << gitlab << u"https://gitlab.example.org/group/project"_s
                                       << u"gitlab:gitlab.example.org"_s;
        QTest::newRow("non-default port")
            << github << u"ghe.corp:8443"_s << u"github:ghe.corp:8443"_s;
        QTest::newRow("default port dropped")
            << github << u"https://ghe.corp:443"_s << u"github:ghe.corp"_s;
        QTest::newRow("inner space") << gitlab << u"not a host"_s << QString();
        QTest::newRow("tab") << gitlab << u"gitlab.example.org\tx"_s << QString();
        QTest::newRow("user info") << gitlab << u"https://me:pw@gitlab.example.org"_s << QString();
        QTest::newRow("ftp") << gitlab << u"ftp://gitlab.example.org"_s << QString();
        QTest::newRow("non-ASCII") << gitlab << u"gitläb.example.org"_s << QString();
    }

    void fromUserInput()
    {
        QFETCH(int, forge);
        QFETCH(QString, typed);
        QFETCH(QString, account);
        const std::optional<TokenKey> key = TokenKey::fromUserInput(Forge(forge), typed);
        if (account.isEmpty()) {
            QVERIFY2(!key, qPrintable(key ? key->account() : QString()));
            return;
        }
        QVERIFY(key);
        QCOMPARE(key->account(), account);
        QCOMPARE(TokenKey::fromAccount(account), key);  // round trip
    }
};

QTEST_GUILESS_MAIN(TestTokenKey)
#include "tst_tokenkey.moc"
