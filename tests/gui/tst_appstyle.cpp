// SPDX-License-Identifier: BSD-3-Clause
#include "appearance.h"
#include "appstyle.h"
#include "mainwindow.h"

#include <QApplication>
#include <QFile>
#include <QGlyphRun>
#include <QGroupBox>
#include <QImage>
#include <QLabel>
#include <QPainter>
#include <QRawFont>
#include <QStyleFactory>
#include <QTemporaryDir>
#include <QTest>
#include <QTextLayout>
#include <QVBoxLayout>

#include <algorithm>
#include <memory>

using namespace Qt::StringLiterals;

namespace {

// The largest difference of one colour channel between two images of the same size.
int largestDifference(const QImage &a, const QImage &b)
{
    int largest = 0;
    for (int y = 0; y < a.height(); ++y) {
        for (int x = 0; x < a.width(); ++x) {
            const QRgb p = a.pixel(x, y);
            const QRgb q = b.pixel(x, y);
            largest = std::max({largest, std::abs(qRed(p) - qRed(q)),
                                std::abs(qGreen(p) - qGreen(q)), std::abs(qBlue(p) - qBlue(q))});
        }
    }
    return largest;
}

QImage renderGroupBox(QStyle *style, const QPalette &palette, const QString &title, QSize size)
{
    QGroupBox box(title);
    box.setStyle(style);
    box.setPalette(palette);
    auto *layout = new QVBoxLayout(&box);
    layout->addWidget(new QLabel(u"contents"_s));
    box.resize(size);
    QImage image(size, QImage::Format_ARGB32_Premultiplied);
    image.fill(palette.color(QPalette::Window));
    box.render(&image);
    return image;
}

// Counts the group-box frames it draws.
class CountingStyle : public rc::ui::AppStyle
{
public:
    using AppStyle::AppStyle;
    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        frames += element == PE_FrameGroupBox;
        AppStyle::drawPrimitive(element, option, painter, widget);
    }
    mutable int frames = 0;
};

QStringList imagePluginsLoaded()
{
    QFile maps(u"/proc/self/maps"_s);
    if (!maps.open(QIODevice::ReadOnly))
        return {u"(cannot read /proc/self/maps)"_s};
    QStringList found;
    for (const QByteArray &line : maps.readAll().split('\n')) {
        if (line.contains("/imageformats/"))
            found << QString::fromLocal8Bit(line.mid(line.indexOf('/')));
    }
    found.removeDuplicates();
    return found;
}

}  // namespace

class TestAppStyle : public QObject
{
    Q_OBJECT

private slots:
    // First: which plugins a process has loaded cannot be undone.
    void theFirstPaintLoadsNoImagePlugin()
    {
#ifndef Q_OS_LINUX
        QSKIP("reads /proc/self/maps");
#endif
        rc::ui::installAppStyle();
        rc::ui::MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const QImage painted = window.grab().toImage();
        QVERIFY(!painted.isNull());
        // Fusion's own group-box frame and its dock and menu-bar icons are PNGs: the first one
        // read would load every image-format plugin.
        QCOMPARE(imagePluginsLoaded(), QStringList());
    }

    void installWrapsTheStyleOnce()
    {
        rc::ui::installAppStyle();
        auto *installed = qobject_cast<rc::ui::AppStyle *>(QApplication::style());
        QVERIFY(installed);
        QCOMPARE(installed->baseStyle()->name().toLower(), u"fusion"_s);
        rc::ui::installAppStyle();
        QCOMPARE(QApplication::style(), installed);
        QCOMPARE(rc::ui::AppStyle::drawingStyle(installed), installed->baseStyle());
    }

    void aDarkSchemeKeepsTheAppStyle()
    {
        rc::ui::applyColorScheme(Qt::ColorScheme::Dark);
        auto *installed = qobject_cast<rc::ui::AppStyle *>(QApplication::style());
        QVERIFY(installed);
        QCOMPARE(installed->baseStyle()->name().toLower(), u"fusion"_s);
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        rc::ui::applyColorScheme(Qt::ColorScheme::Light);
        QVERIFY(qobject_cast<rc::ui::AppStyle *>(QApplication::style()));
    }

    void groupBoxFrameIsFusions_data()
    {
        QTest::addColumn<QString>("title");
        QTest::addColumn<QSize>("size");
        QTest::addColumn<bool>("dark");
        QTest::newRow("titled") << u"Release"_s << QSize(320, 140) << false;
        QTest::newRow("titled, dark") << u"Release"_s << QSize(320, 140) << true;
        QTest::newRow("untitled") << QString() << QSize(90, 60) << false;
        QTest::newRow("large") << u"Commit message"_s << QSize(640, 420) << false;
    }
    void groupBoxFrameIsFusions()
    {
        QFETCH(QString, title);
        QFETCH(QSize, size);
        QFETCH(bool, dark);
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
        CountingStyle appStyle(QStyleFactory::create(u"Fusion"_s));
        QPalette palette = fusion->standardPalette();
        if (dark) {
            palette.setColor(QPalette::Window, QColor(0x2b, 0x2d, 0x30));
            palette.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        }
        const QImage expected = renderGroupBox(fusion.get(), palette, title, size);
        const QImage drawn = renderGroupBox(&appStyle, palette, title, size);
        QCOMPARE(appStyle.frames, 1);
        QImage ground(size, QImage::Format_ARGB32_Premultiplied);
        ground.fill(palette.color(QPalette::Window));
        QVERIFY(largestDifference(ground, drawn) > 0);  // a frame is there
        // Rounding: the image's pixels are blended at other alphas than the drawn ones.
        QCOMPARE_LE(largestDifference(expected, drawn), 1);
    }

    void anotherBaseStyleKeepsItsOwnFrame()
    {
        std::unique_ptr<QStyle> windows(QStyleFactory::create(u"Windows"_s));
        QVERIFY(windows);
        rc::ui::AppStyle appStyle(QStyleFactory::create(u"Windows"_s));
        const QPalette palette = windows->standardPalette();
        const QImage expected = renderGroupBox(windows.get(), palette, u"Release"_s, {200, 90});
        const QImage drawn = renderGroupBox(&appStyle, palette, u"Release"_s, {200, 90});
        QCOMPARE(drawn, expected);
    }

    void iconsAreBundledAndShared_data()
    {
        QTest::addColumn<QStyle::StandardPixmap>("icon");
        QTest::newRow("dock close") << QStyle::SP_TitleBarCloseButton;
        QTest::newRow("dock float") << QStyle::SP_TitleBarNormalButton;
        QTest::newRow("dock widget close") << QStyle::SP_DockWidgetCloseButton;
        QTest::newRow("clear") << QStyle::SP_LineEditClearButton;
        QTest::newRow("menu bar extension") << QStyle::SP_ToolBarHorizontalExtensionButton;
        QTest::newRow("tool bar extension") << QStyle::SP_ToolBarVerticalExtensionButton;
    }
    void iconsAreBundledAndShared()
    {
        QFETCH(QStyle::StandardPixmap, icon);
        rc::ui::AppStyle appStyle(QStyleFactory::create(u"Fusion"_s));
        const QIcon first = appStyle.standardIcon(icon);
        QVERIFY(!first.isNull());
        QCOMPARE(appStyle.standardIcon(icon).cacheKey(), first.cacheKey());
        const QImage image = first.pixmap(QSize(16, 16)).toImage();
        QCOMPARE(image.size(), QSize(16, 16));
        // Drawn, not empty: some pixel of the icon is opaque.
        bool opaque = false;
        for (int y = 0; y < image.height() && !opaque; ++y)
            for (int x = 0; x < image.width() && !opaque; ++x)
                opaque = qAlpha(image.pixel(x, y)) > 128;
        QVERIFY(opaque);
    }

    void otherIconsAreTheBaseStyles()
    {
        std::unique_ptr<QStyle> fusion(QStyleFactory::create(u"Fusion"_s));
        rc::ui::AppStyle appStyle(QStyleFactory::create(u"Fusion"_s));
        const QImage expected =
            fusion->standardIcon(QStyle::SP_ArrowBack).pixmap(QSize(16, 16)).toImage();
        const QImage got =
            appStyle.standardIcon(QStyle::SP_ArrowBack).pixmap(QSize(16, 16)).toImage();
        QVERIFY(!expected.isNull());
        QCOMPARE(got, expected);
    }

    // Commit titles, authors and messages can be in any script. Skipping shaping
    // (QFont::PreferNoShaping) would be faster, but Qt 6.8 then draws Arabic letters unjoined.
    void arabicLettersAreJoined_data()
    {
        QTest::addColumn<QString>("widget");
        QTest::newRow("commit message") << u"commitMessage"_s;
        QTest::newRow("payload preview") << u"payloadJson"_s;
    }
    void arabicLettersAreJoined()
    {
        QFETCH(QString, widget);
        rc::ui::MainWindow window;
        auto *view = window.findChild<QWidget *>(widget);
        QVERIFY(view);
        const QString arabic = u"\u0633\u0644\u0627\u0645"_s;
        QTextLayout layout(arabic, view->font());
        layout.beginLayout();
        layout.createLine();
        layout.endLayout();
        QList<quint32> laidOut;
        QList<quint32> oneByOne;
        for (const QGlyphRun &run : layout.glyphRuns()) {
            laidOut << run.glyphIndexes();
            oneByOne << run.rawFont().glyphIndexesForString(arabic);
        }
        QVERIFY2(!oneByOne.isEmpty() && !oneByOne.contains(0), "no font here has Arabic letters");
        // Joined, the letters take other forms than the character map gives them one by one.
        std::sort(laidOut.begin(), laidOut.end());
        std::sort(oneByOne.begin(), oneByOne.end());
        QVERIFY(laidOut != oneByOne);
    }

    // Last: the first test's check can fail. A PNG read does load the plugins.
    void aPngReadLoadsImagePlugins()
    {
#ifndef Q_OS_LINUX
        QSKIP("reads /proc/self/maps");
#endif
        QTemporaryDir directory;
        QVERIFY(directory.isValid());
        const QString path = directory.filePath(u"square.png"_s);
        QImage square(4, 4, QImage::Format_RGB32);
        square.fill(Qt::red);
        QVERIFY(square.save(path, "PNG"));
        QVERIFY(!QImage(path).isNull());
        QVERIFY(!imagePluginsLoaded().isEmpty());
    }
};

QTEST_MAIN(TestAppStyle)
#include "tst_appstyle.moc"
