// SPDX-License-Identifier: BSD-3-Clause
// The second reference for the start-up benchmark (SPEC §6): the bare window of barewindow.cpp,
// linked against the shared libraries release-console loads and touching one symbol of each, so
// that the dynamic linker loads and relocates them all. Where the app does something at start
// with a library and it is cheap, this does it too: QCA initialised with its provider plugins
// loaded, the SQLite driver plugin loaded and a database opened, a network access manager, the
// window icon drawn from an SVG by the Qt Svg icon engine. What the app itself adds on top (its
// widgets, settings, the ledger's queries, the translation) is what the ratio measures.
#include "firstpaint.h"

#include <QApplication>
#include <QIcon>
#include <QNetworkAccessManager>
#include <QSqlDatabase>
#include <QSvgRenderer>
#include <QWidget>
#include <QtCrypto>
#include <qt6keychain/keychain.h>

#include <archive.h>
#include <cstdio>
#include <yaml-cpp/yaml.h>

using namespace Qt::StringLiterals;

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCA::Initializer qca;
    // Finding a provider loads QCA's plugins (qca-ossl, ...), as the app's first hash does.
    const bool hashing = QCA::isSupported("sha256");
    QNetworkAccessManager network;
    QKeychain::ReadPasswordJob keychainJob(u"release-console-bench"_s);
    keychainJob.setAutoDelete(false);
    const int archiveVersion = archive_version_number();
    const bool yamlRead = YAML::Load("bench: 1")["bench"].as<int>() == 1;
    const QSvgRenderer svg(QByteArrayLiteral(
        R"(<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4"><rect width="4" height="4"/></svg>)"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(RC_APP_ICON_SVG)));
    bool databaseOpen = false;
    {
        QSqlDatabase database = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"bench"_s);
        database.setDatabaseName(u":memory:"_s);
        databaseOpen = database.open();
        database.close();
    }
    QSqlDatabase::removeDatabase(u"bench"_s);
    if (!hashing || archiveVersion <= 0 || !yamlRead || !svg.isValid() || !databaseOpen) {
        std::fprintf(stderr,
                     "bench_barewindow_libs: a library did not work (sha256 %d, "
                     "libarchive %d, yaml %d, svg %d, sqlite %d)\n",
                     hashing, archiveVersion, yamlRead, svg.isValid(), databaseOpen);
        return 1;
    }

    QWidget window;
    window.resize(1180, 760);
    new QuitAfterFirstPaint(&window);
    window.show();
    return QApplication::exec();
}
