// SPDX-License-Identifier: BSD-3-Clause
#include "librarypreload.h"

#include <QFile>
#include <QList>
#include <QString>

#if __has_include(<dlfcn.h>)
#include <dlfcn.h>
#define RC_HAVE_DLOPEN 1
#endif

namespace rc::desktop {

LibraryPreload::LibraryPreload(const QList<QString> &files)
{
    for (const QString &file : files)
        m_files.push_back(QFile::encodeName(file).toStdString());
#ifdef RC_HAVE_DLOPEN
    // The thread touches nothing of Qt's: before QApplication exists, the first thread to make
    // a QObject would become Qt's main thread.
    m_thread = std::thread([this] {
        for (const std::string &file : m_files) {
            // The flags Qt's plugin loader uses, so that its own dlopen() finds this one.
            if (void *handle = dlopen(file.c_str(), RTLD_LAZY | RTLD_LOCAL))
                m_handles.push_back(handle);
        }
    });
#endif
}

LibraryPreload::~LibraryPreload()
{
    wait();
#ifdef RC_HAVE_DLOPEN
    for (void *handle : m_handles)
        dlclose(handle);
#endif
}

int LibraryPreload::wait()
{
    if (m_thread.joinable())
        m_thread.join();
    return int(m_handles.size());
}

}  // namespace rc::desktop
