// SPDX-License-Identifier: BSD-3-Clause
#include "clearbutton.h"

#include <QAction>
#include <QCoreApplication>
#include <QIcon>
#include <QLineEdit>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace rc::ui {

namespace {

struct Text
{
    Q_DECLARE_TR_FUNCTIONS(ClearButton)
};

}  // namespace

void addClearButton(QLineEdit *edit)
{
    QAction *clear =
        edit->addAction(edit->style()->standardIcon(QStyle::SP_LineEditClearButton, nullptr, edit),
                        QLineEdit::TrailingPosition);
    clear->setObjectName(u"clearButton"_s);
    clear->setText(Text::tr("Clear"));
    clear->setVisible(!edit->text().isEmpty());
    QObject::connect(edit, &QLineEdit::textChanged, clear,
                     [clear](const QString &text) { clear->setVisible(!text.isEmpty()); });
    QObject::connect(clear, &QAction::triggered, edit, [edit] {
        edit->clear();
        edit->setFocus(Qt::OtherFocusReason);
    });
}

}  // namespace rc::ui
