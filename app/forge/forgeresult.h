// SPDX-License-Identifier: BSD-3-Clause
#pragma once

#include "forge/forgeerror.h"

#include <QDateTime>
#include <QList>
#include <QUrl>

#include <functional>
#include <optional>

namespace rc::forge {

// A parsed value or the error that prevented it; never both. `notModified` tells that the
// value came from the ETag cache after a 304 (nothing changed on the server).
template<class T>
struct ForgeResult
{
    T value {};
    ForgeError error;
    bool notModified = false;
    // The answer's Date: the server's clock when it answered (whole seconds), when it sent one.
    std::optional<QDateTime> serverDate;

    bool ok() const { return !error.isError(); }
    static ForgeResult failure(ForgeError e)
    {
        ForgeResult r;
        r.error = std::move(e);
        return r;
    }
    static ForgeResult success(T v)
    {
        ForgeResult r;
        r.value = std::move(v);
        return r;
    }
};

// One page of a paged list, with where the next page is (empty URL: this was the last).
template<class T>
struct Page
{
    QList<T> items;
    QUrl next;
    bool hasNext() const { return !next.isEmpty(); }
};

template<class T>
using Callback = std::function<void(const ForgeResult<T> &)>;

// A result without a value (POSTs answered 202/204).
struct Done
{
    friend bool operator==(Done, Done) { return true; }
};

}  // namespace rc::forge
