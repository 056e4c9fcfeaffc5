#pragma once

#include <QDateTime>
#include <QMainWindow>

#include <functional>

namespace rc::ui {

class PreviewPane;
class ReleaseForm;

// The main window: the release form on the left, what would be sent on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    using Clock = std::function<QDateTime()>;

    explicit MainWindow(Clock clock = &QDateTime::currentDateTimeUtc, QWidget *parent = nullptr);
    ~MainWindow() override;

    ReleaseForm *form() const { return m_form; }
    PreviewPane *preview() const { return m_preview; }

    // Reads an __init__.py from disk into the form; false (and a message in the status bar)
    // when it cannot be read.
    bool loadInitFile(const QString &path);
    // The seed article's example release, so a newcomer sees a complete form at once.
    void fillWithExample();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void createMenus();
    void refresh();
    void chooseInitFile();
    void loadCommitMessageFile();
    void copyPayload();
    void savePayload();

    Clock m_clock;
    ReleaseForm *m_form = nullptr;
    PreviewPane *m_preview = nullptr;
    QByteArray m_currentPayload;
};

}  // namespace rc::ui
