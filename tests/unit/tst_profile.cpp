// SPDX-License-Identifier: BSD-3-Clause
#include "flow/forgeclients.h"
#include "forge/tokensource.h"
#include "forge/transport.h"
#include "profiles/profile.h"

#include <QNetworkAccessManager>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::StringLiterals;
using rc::profiles::Profile;
using rc::profiles::ProfileField;

namespace {

Profile validProfile()
{
    Profile profile;
    profile.name = u"veloxchem"_s;
    profile.gitLabUrl = QUrl(u"https://gitlab.com"_s);
    profile.gitLabProject = u"veloxchem/veloxchem"_s;
    profile.recipesRepo = u"VeloxChem/meta-vlx"_s;
    profile.recipe = u"veloxchem"_s;
    profile.defaultChannel = u"veloxchem"_s;
    return profile;
}

QStringList problemFields(const Profile &profile)
{
    QStringList fields;
    for (const rc::profiles::ProfileProblem &problem : rc::profiles::validateProfile(profile))
        fields << rc::profiles::profileFieldName(problem.field);
    return fields;
}

}  // namespace

class TestProfile : public QObject
{
    Q_OBJECT

private slots:
    void validProfileHasNoProblem();
    void problems_data();
    void problems();
    void certificateFilePinsTheForgeOrigin();
    void derivedValues();
    void storeRoundTrip();
    void storeRefusesInvalid();
    void storeNeverHoldsATokenField();
    void fieldValuesRoundTrip();
    void archiveSourceWarns();
};

void TestProfile::validProfileHasNoProblem()
{
    QCOMPARE(problemFields(validProfile()), QStringList());
}

void TestProfile::problems_data()
{
    QTest::addColumn<ProfileField>("field");
    QTest::addColumn<QString>("value");

    QTest::newRow("name with a slash") << ProfileField::Name << u"a/b"_s;
    QTest::newRow("empty name") << ProfileField::Name << QString();
    QTest::newRow("http to a remote GitLab") << ProfileField::GitLabUrl << u"http://gitlab.com"_s;
    QTest::newRow("GitLab URL with a password")
        << ProfileField::GitLabUrl << u"https://me:secret@gitlab.com"_s;
    QTest::newRow("project without group") << ProfileField::GitLabProject << u"veloxchem"_s;
    QTest::newRow("branch with a space") << ProfileField::Branch << u"my branch"_s;
    QTest::newRow("branch with ..") << ProfileField::Branch << u"a..b"_s;
    QTest::newRow("recipes repo without owner") << ProfileField::RecipesRepo << u"meta-vlx"_s;
    QTest::newRow("workflow path") << ProfileField::WorkflowFile << u".github/workflows/x.yml"_s;
    QTest::newRow("recipe upper case") << ProfileField::Recipe << u"VeloxChem"_s;
    QTest::newRow("init path escapes") << ProfileField::InitPath << u"../x/__init__.py"_s;
    QTest::newRow("absolute init path") << ProfileField::InitPath << u"/etc/passwd"_s;
    QTest::newRow("channel with a space") << ProfileField::DefaultChannel << u"my channel"_s;
    QTest::newRow("artifact path with ..") << ProfileField::ArtifactPath << u"a/../b"_s;
    QTest::newRow("missing certificate file")
        << ProfileField::GitLabCertificate << u"/nonexistent/gitlab.pem"_s;
    QTest::newRow("certificate file without a certificate")
        << ProfileField::GitHubCertificate << QStringLiteral(RC_TEST_DATA "/../tst_profile.cpp");
}

void TestProfile::problems()
{
    QFETCH(ProfileField, field);
    QFETCH(QString, value);
    Profile profile = validProfile();
    QVERIFY(rc::profiles::setFieldValue(profile, field, value));
    QCOMPARE(problemFields(profile), QStringList {rc::profiles::profileFieldName(field)});
}

void TestProfile::certificateFilePinsTheForgeOrigin()
{
    const QString pem = QStringLiteral(RC_TEST_DATA "/self-signed.pem");
    Profile profile = validProfile();
    profile.gitLabUrl = QUrl(u"https://gitlab.example.org:8443"_s);
    profile.gitLabCertificateFile = pem;
    QCOMPARE(problemFields(profile), QStringList());
    QString error;
    const QList<QSslCertificate> certificates = rc::profiles::readCertificateFile(pem, &error);
    QCOMPARE(certificates.size(), 1);
    QVERIFY(error.isEmpty());

    QNetworkAccessManager network;
    rc::forge::MemoryTokenSource tokens;
    rc::forge::Transport transport(&network, &tokens);
    {
        const rc::flow::ForgeClients clients(&transport, profile);
    }
    QCOMPARE(transport.trustedCertificates(u"https://gitlab.example.org:8443"_s), certificates);
    QVERIFY(transport.trustedCertificates(u"https://api.github.com"_s).isEmpty());

    // The pin belongs to the profile: one without it takes it back.
    profile.gitLabCertificateFile.clear();
    const rc::flow::ForgeClients clients(&transport, profile);
    QVERIFY(transport.trustedCertificates(u"https://gitlab.example.org:8443"_s).isEmpty());

    // Only for an https forge.
    profile.gitLabUrl = QUrl(u"http://127.0.0.1:8080"_s);
    profile.gitLabCertificateFile = pem;
    QCOMPARE(problemFields(profile), QStringList {u"gitlab-certificate"_s});
}

void TestProfile::derivedValues()
{
    Profile profile = validProfile();
    profile.gitLabUrl = QUrl(u"https://gitlab.example.org/"_s);
    QCOMPARE(profile.gitLabApiUrl(), QUrl(u"https://gitlab.example.org/api/v4"_s));
    QCOMPARE(profile.recipesOwner(), u"VeloxChem"_s);
    QCOMPARE(profile.recipesName(), u"meta-vlx"_s);
    QCOMPARE(profile.effectiveArtifactPath(), u"veloxchem.tar.bz2"_s);
    profile.artifactPath = u"dist/vlx.tar.gz"_s;
    QCOMPARE(profile.effectiveArtifactPath(), u"dist/vlx.tar.gz"_s);
}

void TestProfile::storeRoundTrip()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    rc::profiles::ProfileStore store(settings);
    Profile profile = validProfile();
    profile.dispatchKind = rc::release::DispatchKind::Repository;
    profile.patchEncoding = rc::release::PatchEncoding::Raw;
    profile.tarballSource = rc::profiles::TarballSourceKind::RepositoryArchive;
    QCOMPARE(store.save(profile), QString());
    Profile second = validProfile();
    second.name = u"pb11mpi"_s;
    second.recipe = u"pb11mpi"_s;
    QCOMPARE(store.save(second), QString());
    QCOMPARE(store.names(), (QStringList {u"pb11mpi"_s, u"veloxchem"_s}));

    QSettings reread(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    rc::profiles::ProfileStore again(reread);
    QCOMPARE(again.load(u"veloxchem"_s), std::optional<Profile>(profile));
    QVERIFY(again.remove(u"veloxchem"_s));
    QVERIFY(!again.remove(u"veloxchem"_s));
    QCOMPARE(again.names(), QStringList {u"pb11mpi"_s});
    QCOMPARE(again.load(u"veloxchem"_s), std::nullopt);
}

void TestProfile::storeRefusesInvalid()
{
    QTemporaryDir dir;
    QSettings settings(dir.filePath(u"s.ini"_s), QSettings::IniFormat);
    rc::profiles::ProfileStore store(settings);
    Profile profile = validProfile();
    profile.recipe = u"Bad Recipe"_s;
    const QString problem = store.save(profile);
    QVERIFY2(problem.startsWith(u"recipe: "_s), qPrintable(problem));
    QCOMPARE(store.names(), QStringList());
}

void TestProfile::storeNeverHoldsATokenField()
{
    for (const ProfileField field : rc::profiles::allProfileFields())
        QVERIFY(!rc::profiles::profileFieldName(field).contains(u"token"_s));
}

void TestProfile::fieldValuesRoundTrip()
{
    const Profile profile = validProfile();
    for (const ProfileField field : rc::profiles::allProfileFields()) {
        Profile copy;
        QVERIFY(rc::profiles::setFieldValue(copy, field, rc::profiles::fieldValue(profile, field)));
        QCOMPARE(rc::profiles::fieldValue(copy, field), rc::profiles::fieldValue(profile, field));
    }
    Profile profile2 = validProfile();
    QVERIFY(!rc::profiles::setFieldValue(profile2, ProfileField::DispatchKind, u"push"_s));
    QVERIFY(!rc::profiles::setFieldValue(profile2, ProfileField::PatchEncoding, u"base64"_s));
}

void TestProfile::archiveSourceWarns()
{
    Profile profile = validProfile();
    QCOMPARE(rc::profiles::profileWarnings(profile), QStringList());
    profile.tarballSource = rc::profiles::TarballSourceKind::RepositoryArchive;
    QCOMPARE(rc::profiles::profileWarnings(profile).size(), 2);
}

QTEST_GUILESS_MAIN(TestProfile)
#include "tst_profile.moc"
