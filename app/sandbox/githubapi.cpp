// SPDX-License-Identifier: BSD-3-Clause
#include "sandbox/githubapi.h"

#include "sandbox/routetable.h"
#include "sandbox/runengine.h"
#include "sandbox/virtualclock.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMap>
#include <QTimeZone>
#include <QUrl>

#include <algorithm>

using namespace Qt::StringLiterals;

namespace rc::sandbox {

namespace {

constexpr int kDefaultPerPage = 30;
constexpr int kMaxPerPage = 100;
constexpr int kMaxDispatchInputs = 25;
constexpr int kMaxDispatchInputCharacters = 65535;
constexpr int kMaxEventTypeCharacters = 100;
constexpr int kMaxClientPayloadKeys = 10;
constexpr int kMaxClientPayloadBytes = 64 * 1024;

const QString kDocs = u"https://docs.github.com/rest"_s;
const QString kDocsUser = u"https://docs.github.com/rest/users/users#get-the-authenticated-user"_s;
const QString kDocsDispatch =
    u"https://docs.github.com/rest/actions/workflows#create-a-workflow-dispatch-event"_s;
const QString kDocsRepositoryDispatch =
    u"https://docs.github.com/rest/repos/repos#create-a-repository-dispatch-event"_s;
const QString kDocsContents =
    u"https://docs.github.com/rest/repos/contents#get-repository-content"_s;
const QString kDocsBranch = u"https://docs.github.com/rest/branches/branches#get-a-branch"_s;
const QString kDocsRateLimit =
    u"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api"_s;
const QString kDocsAnnotations =
    u"https://docs.github.com/rest/checks/runs#list-check-run-annotations"_s;
const QString kDocsGraphql = u"https://docs.github.com/graphql"_s;
constexpr int kGraphqlLimit = 5000;
constexpr qsizetype kMaxQuoteCharacters = 120;
const QString kDocsSecondaryRateLimit =
    u"https://docs.github.com/rest/overview/"
    "rate-limits-for-the-rest-api#about-secondary-rate-limits"_s;

QJsonValue nullableTime(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(isoTime(time)) : QJsonValue();
}

QJsonValue nullableString(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

QString nodeId(const QString &prefix, qint64 id)
{
    return prefix +
        QString::fromLatin1(QByteArray::number(id).toBase64(QByteArray::OmitTrailingEquals));
}

// page/per_page from a query, clamped the way GitHub clamps them.
struct Paging
{
    int page = 1;
    int perPage = kDefaultPerPage;
};

Paging pagingOf(const QUrlQuery &query)
{
    Paging paging;
    bool ok = false;
    const int perPage = query.queryItemValue(u"per_page"_s).toInt(&ok);
    if (ok && perPage > 0)
        paging.perPage = std::min(perPage, kMaxPerPage);
    const int page = query.queryItemValue(u"page"_s).toInt(&ok);
    if (ok && page > 0)
        paging.page = page;
    return paging;
}

// GitHub's `created` filter: ">=2024-05-01T10:00:00Z", "<x", "a..b", or a bare date.
bool matchesCreated(const QString &filter, const QDateTime &created)
{
    if (filter.isEmpty())
        return true;
    const auto parse = [](const QString &text, bool endOfDay) {
        QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
        if (!time.isValid())
            time = QDateTime::fromString(text, Qt::ISODate);
        if (!time.isValid()) {
            const QDate date = QDate::fromString(text, Qt::ISODate);
            if (date.isValid())
                time = QDateTime(endOfDay ? date.addDays(1) : date, QTime(0, 0), QTimeZone::UTC);
            if (endOfDay && time.isValid())
                time = time.addMSecs(-1);
        }
        return time;
    };
    if (const qsizetype range = filter.indexOf(u".."_s); range > 0) {
        const QDateTime from = parse(filter.left(range), false);
        const QDateTime to = parse(filter.mid(range + 2), true);
        return from.isValid() && to.isValid() && created >= from && created <= to;
    }
    for (const auto &[operatorText, compare] : std::initializer_list<std::pair<QString, int>> {
             {u">="_s, 0}, {u"<="_s, 1}, {u">"_s, 2}, {u"<"_s, 3}}) {
        if (!filter.startsWith(operatorText))
            continue;
        const QDateTime bound =
            parse(filter.mid(operatorText.size()), compare == 1 || compare == 2);
        if (!bound.isValid())
            return false;
        switch (compare) {
        case 0:
            return created >= bound;
        case 1:
            return created <= bound;
        case 2:
            return created > bound;
        default:
            return created < bound;
        }
    }
    const QDateTime from = parse(filter, false);
    const QDateTime to = parse(filter, true);
    return from.isValid() && created >= from && created <= to;
}

// The blob id git gives a file: sha1("blob <size>\0<content>").
QString gitBlobSha(const QByteArray &content)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(
            QByteArray("blob " + QByteArray::number(content.size()) + '\0' + content),
            QCryptographicHash::Sha1)
            .toHex());
}

// GitHub's `content`: base64 wrapped at 60 characters, every line ending in "\n".
QString wrappedBase64(const QByteArray &content)
{
    const QByteArray base64 = content.toBase64();
    QByteArray wrapped;
    for (qsizetype i = 0; i < base64.size(); i += 60)
        wrapped += base64.mid(i, 60) + '\n';
    return QString::fromLatin1(wrapped);
}

QString expirationHeader(const QDateTime &time)
{
    return time.toUTC().toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s);
}

}  // namespace

QString GitHubWorkflow::fileName() const
{
    return path.section(u'/', -1);
}

QByteArray linkHeader(const QString &baseUrl, const QUrlQuery &query, int page, int lastPage,
                      bool withFirstAndLast)
{
    const auto pageUrl = [&](int target) {
        QUrlQuery copy = query;
        copy.removeAllQueryItems(u"page"_s);
        copy.addQueryItem(u"page"_s, QString::number(target));
        return u'<' + baseUrl + u'?' + copy.toString(QUrl::FullyEncoded) + u'>';
    };
    QStringList parts;
    if (page > 1)
        parts << pageUrl(std::min(page - 1, std::max(lastPage, 1))) + u"; rel=\"prev\""_s;
    if (page < lastPage)
        parts << pageUrl(page + 1) + u"; rel=\"next\""_s;
    if (withFirstAndLast && page < lastPage)
        parts << pageUrl(lastPage) + u"; rel=\"last\""_s;
    if (withFirstAndLast && page > 1)
        parts << pageUrl(1) + u"; rel=\"first\""_s;
    return parts.join(u", "_s).toUtf8();
}

namespace {

// GitHub's list answer: {"total_count": n, "<key>": [this page]} with a Link header to the
// neighbouring pages, paged by the request's page and per_page.
template<typename Item, typename ToJson>
HttpResponse pagedList(const QUrlQuery &query, const QString &baseUrl, const QList<Item> &items,
                       const QString &key, ToJson &&toJson)
{
    const Paging paging = pagingOf(query);
    const int total = int(items.size());
    const int lastPage = std::max(1, (total + paging.perPage - 1) / paging.perPage);
    QJsonArray page;
    for (qsizetype i = qsizetype(paging.page - 1) * paging.perPage;
         i < items.size() && page.size() < paging.perPage; ++i)
        page.append(toJson(*items.at(i)));
    HttpResponse response = HttpResponse::json(
        200, QJsonDocument(QJsonObject {{u"total_count"_s, total}, {key, page}}));
    if (const QByteArray link = linkHeader(baseUrl, query, paging.page, lastPage); !link.isEmpty())
        response.setHeader("Link"_ba, link);
    return response;
}

}  // namespace

GitHubApi::GitHubApi(VirtualClock *clock, RunEngine *engine, BlobUrl blobUrl)
    : m_clock(clock)
    , m_engine(engine)
    , m_blobUrl(std::move(blobUrl))
{
    m_rateLimit.windowStart = m_clock->now();
}

void GitHubApi::addToken(const GitHubToken &token)
{
    m_tokens.removeIf([&](const GitHubToken &existing) { return existing.token == token.token; });
    m_tokens.append(token);
}

void GitHubApi::revokeToken(const QString &token)
{
    for (GitHubToken &existing : m_tokens) {
        if (existing.token == token)
            existing.revoked = true;
    }
}

GitHubWorkflow *GitHubApi::workflow(const QString &idOrFileName)
{
    for (GitHubWorkflow &candidate : m_repository.workflows) {
        if (candidate.fileName() == idOrFileName || QString::number(candidate.id) == idOrFileName)
            return &candidate;
    }
    return nullptr;
}

void GitHubApi::setRateLimit(int limit, int remaining)
{
    m_rateLimit.limit = limit;
    m_rateLimit.used = std::clamp(limit - remaining, 0, limit);
    m_rateLimit.windowStart = m_clock->now();
}

void GitHubApi::rollRateLimitWindow()
{
    if (m_clock->now() >= m_rateLimit.windowStart.addSecs(3600)) {
        m_rateLimit.used = 0;
        m_graphqlUsed = 0;
        m_rateLimit.windowStart = m_clock->now();
    }
}

void GitHubApi::addRateLimitHeaders(HttpResponse &response)
{
    response.setHeader("x-ratelimit-limit"_ba, QByteArray::number(m_rateLimit.limit));
    response.setHeader("x-ratelimit-remaining"_ba,
                       QByteArray::number(std::max(0, m_rateLimit.limit - m_rateLimit.used)));
    response.setHeader(
        "x-ratelimit-reset"_ba,
        QByteArray::number(m_rateLimit.windowStart.addSecs(3600).toSecsSinceEpoch()));
    response.setHeader("x-ratelimit-used"_ba, QByteArray::number(m_rateLimit.used));
    response.setHeader("x-ratelimit-resource"_ba, "core"_ba);
}

const GitHubToken *GitHubApi::tokenFor(const QString &value) const
{
    for (const GitHubToken &token : m_tokens) {
        if (token.token == value)
            return &token;
    }
    return nullptr;
}

HttpResponse GitHubApi::error(int status, const QString &message, const QString &documentation,
                              const QJsonArray *errors) const
{
    QJsonObject body {{u"message"_s, message},
                      {u"documentation_url"_s, documentation},
                      {u"status"_s, QString::number(status)}};
    if (errors)
        body.insert(u"errors"_s, *errors);
    return HttpResponse::json(status, QJsonDocument(body));
}

HttpResponse GitHubApi::notFound(const Context &context) const
{
    return error(404, u"Not Found"_s, context.documentation);
}

HttpResponse GitHubApi::faultResponse(int status, const QString &message,
                                      std::optional<int> retryAfterSeconds)
{
    rollRateLimitWindow();
    const bool rateLimited = status == 403 || status == 429;
    HttpResponse response;
    if (rateLimited && retryAfterSeconds) {
        response = error(status,
                         u"You have exceeded a secondary rate limit. Please wait a few minutes "
                         "before you try again."_s,
                         kDocsSecondaryRateLimit);
        response.setHeader("retry-after"_ba, QByteArray::number(*retryAfterSeconds));
    } else if (rateLimited) {
        response = error(status, u"API rate limit exceeded for user ID 1."_s, kDocsRateLimit);
    } else {
        response = error(status, message, kDocs);
    }
    addRateLimitHeaders(response);
    if (rateLimited && !retryAfterSeconds) {
        // The primary limit: nothing left until the reset.
        response.setHeader("x-ratelimit-remaining"_ba, "0"_ba);
        response.setHeader("x-ratelimit-used"_ba, QByteArray::number(m_rateLimit.limit));
    }
    return response;
}

HttpResponse GitHubApi::handle(const HttpRequest &request, const QStringList &segments,
                               const QString &apiBase, const QString &htmlBase)
{
    rollRateLimitWindow();
    const QByteArray id = QByteArray::number(0xC0DE0000ULL + ++m_requestCounter, 16).toUpper();
    const QByteArray requestId = id + ":1F2E:3D4C5B:6A7980:" + id.right(8);

    // Authentication first: a wrong token is a 401 whatever the route.
    const GitHubToken *token = nullptr;
    const QByteArray authorization = request.header("Authorization");
    HttpResponse response;
    bool authFailed = false;
    if (!authorization.isEmpty()) {
        const QByteArray lower = authorization.toLower();
        QString value;
        if (lower.startsWith("bearer "))
            value = QString::fromUtf8(authorization.mid(7).trimmed());
        else if (lower.startsWith("token "))
            value = QString::fromUtf8(authorization.mid(6).trimmed());
        token = tokenFor(value);
        const bool expired = token && token->expiresAt && *token->expiresAt <= m_clock->now();
        if (!token || token->revoked || expired) {
            token = nullptr;
            authFailed = true;
            response = error(401, u"Bad credentials"_s, kDocs);
        }
    }

    const bool isGraphql =
        segments == QStringList {u"graphql"_s} || segments == QStringList {u"api"_s, u"graphql"_s};
    if (isGraphql) {
        response = graphql(request, token, authFailed);
    } else if (!authFailed) {
        Context context {request, segments, token, apiBase, htmlBase, kDocs};
        const bool safe = request.method == "GET" || request.method == "HEAD";
        const bool exhausted = m_rateLimit.used >= m_rateLimit.limit;
        const bool isRateLimitRoute = segments == QStringList {u"rate_limit"_s};
        if (!safe && exhausted) {
            // Nothing is done when the budget is gone: no run is created.
            response = faultResponse(403, {}, std::nullopt);
        } else {
            response = route(context);
            const bool notModified = applyConditional(request, response);
            if (!isRateLimitRoute && !notModified) {
                if (exhausted)
                    response = faultResponse(403, {}, std::nullopt);
                else
                    ++m_rateLimit.used;
            }
        }
        if (token && !token->fineGrained)
            response.setHeader("X-OAuth-Scopes"_ba, token->scopes.join(u", "_s).toUtf8());
        if (token && token->expiresAt)
            response.setHeader("github-authentication-token-expiration"_ba,
                               expirationHeader(*token->expiresAt).toUtf8());
    }
    if (response.header("x-ratelimit-limit").isEmpty())
        addRateLimitHeaders(response);

    response.setHeader("X-GitHub-Request-Id"_ba, requestId);
    response.setHeader("X-GitHub-Api-Version-Selected"_ba, "2022-11-28"_ba);
    response.setHeader("X-GitHub-Media-Type"_ba, "github.v3; format=json"_ba);
    response.setHeader("Vary"_ba, "Accept, Authorization, Cookie, X-GitHub-OTP"_ba);
    if (response.status == 200 || response.status == 304)
        response.setHeader("Cache-Control"_ba, "private, max-age=60, s-maxage=60"_ba);
    return response;
}

std::optional<HttpResponse> GitHubApi::checkRepositoryAccess(Context &context, Access access)
{
    const QStringList &segments = context.segments;
    const bool sameRepository = segments.size() >= 3 &&
        segments.at(1).compare(m_repository.owner, Qt::CaseInsensitive) == 0 &&
        segments.at(2).compare(m_repository.name, Qt::CaseInsensitive) == 0;
    // The recipes repo is private: without a token, or without access, it does not exist.
    if (!sameRepository || !context.token)
        return notFound(context);
    const GitHubToken &token = *context.token;
    QString permission;
    QString level;
    switch (access) {
    case Access::ActionsRead:
        permission = u"actions"_s;
        level = u"read"_s;
        break;
    case Access::ActionsWrite:
        permission = u"actions"_s;
        level = u"write"_s;
        break;
    case Access::ChecksRead:
        permission = u"checks"_s;
        level = u"read"_s;
        break;
    case Access::ContentsRead:
        permission = u"contents"_s;
        level = u"read"_s;
        break;
    case Access::ContentsWrite:
        permission = u"contents"_s;
        level = u"write"_s;
        break;
    }
    if (!token.fineGrained) {
        if (!token.scopes.contains(u"repo"_s)) {
            HttpResponse response = notFound(context);
            response.setHeader("X-Accepted-OAuth-Scopes"_ba, "repo"_ba);
            return response;
        }
        return std::nullopt;
    }
    const QString granted = token.permissions.value(permission);
    const bool enough = granted == u"write"_s || (level == u"read"_s && granted == u"read"_s);
    if (!enough) {
        if (!token.permissions.contains(u"metadata"_s) && token.permissions.isEmpty())
            return notFound(context);
        HttpResponse response = error(403, u"Resource not accessible by personal access token"_s,
                                      context.documentation);
        response.setHeader("X-Accepted-GitHub-Permissions"_ba,
                           (permission + u'=' + level).toUtf8());
        return response;
    }
    return std::nullopt;
}

HttpResponse GitHubApi::route(Context &context)
{
    using Handler = HttpResponse (*)(GitHubApi &, Context &, const RouteCaptures &);
    struct Target
    {
        std::optional<Access> access;  // the repository access it needs; none for /user ...
        const QString *documentation;  // documentation_url of its errors; nullptr: kDocs
        Handler handler;
    };
    using enum Access;
    static const Route<Target> routes[] = {
        {"GET",
         u"user",
         {{},
          &kDocsUser,
          [](GitHubApi &api, Context &c, const RouteCaptures &) {
              return api.getUser(c);
          }}},
        {"GET",
         u"rate_limit",
         {{},
          nullptr,
          [](GitHubApi &api, Context &, const RouteCaptures &) {
              return api.getRateLimit();
          }}},
        {"POST",
         u"repos/{owner}/{repo}/dispatches",
         {ContentsWrite, &kDocsRepositoryDispatch,
          [](GitHubApi &api, Context &c, const RouteCaptures &) {
              return api.dispatchRepository(c);
          }}},
        {"GET",
         u"repos/{owner}/{repo}/contents/{path*}",
         {ContentsRead, &kDocsContents,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.getContents(c, m.value(u"path"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/branches/{branch+}",
         {ContentsRead, &kDocsBranch,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.getBranch(c, m.value(u"branch"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/check-runs/{check_run_id}/annotations",
         {ChecksRead, &kDocsAnnotations,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.listCheckRunAnnotations(c, m.id(u"check_run_id"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/workflows",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &) {
              return api.listWorkflows(c);
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/workflows/{workflow_id}",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              const GitHubWorkflow *found = api.workflow(m.value(u"workflow_id"));
              return found ? api.getWorkflow(c, *found) : api.notFound(c);
          }}},
        {"POST",
         u"repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches",
         {ActionsWrite, &kDocsDispatch,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              GitHubWorkflow *found = api.workflow(m.value(u"workflow_id"));
              return found ? api.dispatchWorkflow(c, *found) : api.notFound(c);
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/workflows/{workflow_id}/runs",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              const GitHubWorkflow *found = api.workflow(m.value(u"workflow_id"));
              return found ? api.listRuns(c, found) : api.notFound(c);
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/runs",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &) {
              return api.listRuns(c, nullptr);
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/runs/{run_id}",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.getRun(c, m.id(u"run_id"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/runs/{run_id}/jobs",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.listJobs(c, m.id(u"run_id"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/runs/{run_id}/artifacts",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.listArtifacts(c, m.id(u"run_id"));
          }}},
        {"POST",
         u"repos/{owner}/{repo}/actions/runs/{run_id}/cancel",
         {ActionsWrite, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.cancelRun(c, m.id(u"run_id"));
          }}},
        {"POST",
         u"repos/{owner}/{repo}/actions/runs/{run_id}/rerun-failed-jobs",
         {ActionsWrite, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.rerunFailedJobs(c, m.id(u"run_id"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/jobs/{job_id}",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.getJob(c, m.id(u"job_id"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/jobs/{job_id}/logs",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.downloadJobLog(c, m.id(u"job_id"));
          }}},
        {"POST",
         u"repos/{owner}/{repo}/actions/jobs/{job_id}/rerun",
         {ActionsWrite, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.rerunJob(c, m.id(u"job_id"));
          }}},
        {"GET",
         u"repos/{owner}/{repo}/actions/artifacts/{artifact_id}/zip",
         {ActionsRead, nullptr,
          [](GitHubApi &api, Context &c, const RouteCaptures &m) {
              return api.downloadArtifact(c, m.id(u"artifact_id"));
          }}},
    };

    const RouteLookup<Target> lookup =
        findRoute<Target>(routes, context.request.method, context.segments);
    if (!lookup.route) {
        if (lookup.allowedMethods.isEmpty())
            return notFound(context);
        HttpResponse response = error(405, u"Method Not Allowed"_s, kDocs);
        response.setHeader("Allow"_ba, lookup.allowedMethods.join(", "));
        return response;
    }
    const Target &target = lookup.route->target;
    if (target.documentation)
        context.documentation = *target.documentation;
    if (!target.access)
        return target.handler(*this, context, lookup.captures);
    if (std::optional<HttpResponse> denied = checkRepositoryAccess(context, *target.access))
        return std::move(*denied);
    HttpResponse response = target.handler(*this, context, lookup.captures);
    if (context.token && !context.token->fineGrained)
        response.setHeader("X-Accepted-OAuth-Scopes"_ba, "repo"_ba);
    return response;
}

QJsonObject GitHubApi::userJson(const QString &login, const QString &apiBase,
                                const QString &htmlBase, bool privateFields) const
{
    const QString url = apiBase + u"/users/"_s + login;
    QJsonObject user {
        {u"login"_s, login},
        {u"id"_s, 5830000 + qint64(qHash(login) % 100000)},
        {u"node_id"_s, nodeId(u"U_kgDO"_s, 5830000)},
        {u"avatar_url"_s, u"https://avatars.githubusercontent.com/u/5830000?v=4"_s},
        {u"gravatar_id"_s, u""_s},
        {u"url"_s, url},
        {u"html_url"_s, QString(htmlBase + u'/' + login)},
        {u"followers_url"_s, QString(url + u"/followers"_s)},
        {u"following_url"_s, QString(url + u"/following{/other_user}"_s)},
        {u"gists_url"_s, QString(url + u"/gists{/gist_id}"_s)},
        {u"starred_url"_s, QString(url + u"/starred{/owner}{/repo}"_s)},
        {u"subscriptions_url"_s, QString(url + u"/subscriptions"_s)},
        {u"organizations_url"_s, QString(url + u"/orgs"_s)},
        {u"repos_url"_s, QString(url + u"/repos"_s)},
        {u"events_url"_s, QString(url + u"/events{/privacy}"_s)},
        {u"received_events_url"_s, QString(url + u"/received_events"_s)},
        {u"type"_s, u"User"_s},
        {u"user_view_type"_s, privateFields ? u"private"_s : u"public"_s},
        {u"site_admin"_s, false},
    };
    if (privateFields) {
        const QString created = u"2016-03-01T09:00:00Z"_s;
        user.insert(u"name"_s, u"Octo Maintainer"_s);
        user.insert(u"company"_s, QJsonValue());
        user.insert(u"blog"_s, u""_s);
        user.insert(u"location"_s, u"Stockholm"_s);
        user.insert(u"email"_s, QJsonValue());
        user.insert(u"hireable"_s, QJsonValue());
        user.insert(u"bio"_s, QJsonValue());
        user.insert(u"twitter_username"_s, QJsonValue());
        user.insert(u"public_repos"_s, 12);
        user.insert(u"public_gists"_s, 1);
        user.insert(u"followers"_s, 20);
        user.insert(u"following"_s, 3);
        user.insert(u"created_at"_s, created);
        user.insert(u"updated_at"_s, created);
        user.insert(u"private_gists"_s, 0);
        user.insert(u"total_private_repos"_s, 4);
        user.insert(u"owned_private_repos"_s, 2);
        user.insert(u"disk_usage"_s, 10240);
        user.insert(u"collaborators"_s, 3);
        user.insert(u"two_factor_authentication"_s, true);
        user.insert(u"plan"_s,
                    QJsonObject {{u"name"_s, u"free"_s},
                                 {u"space"_s, 976562499},
                                 {u"collaborators"_s, 0},
                                 {u"private_repos"_s, 10000}});
    }
    return user;
}

HttpResponse GitHubApi::getUser(const Context &context)
{
    if (!context.token)
        return error(401, u"Requires authentication"_s, kDocsUser);
    HttpResponse response = HttpResponse::json(
        200,
        QJsonDocument(userJson(context.token->login, context.apiBase, context.htmlBase, true)));
    if (!context.token->fineGrained)
        response.setHeader("X-Accepted-OAuth-Scopes"_ba, ""_ba);
    return response;
}

HttpResponse GitHubApi::getRateLimit()
{
    const auto bucket = [](int limit, int used, qint64 reset) {
        return QJsonObject {{u"limit"_s, limit},
                            {u"used"_s, used},
                            {u"remaining"_s, limit - used},
                            {u"reset"_s, reset}};
    };
    const qint64 reset = m_rateLimit.windowStart.addSecs(3600).toSecsSinceEpoch();
    const QJsonObject core =
        bucket(m_rateLimit.limit, std::min(m_rateLimit.used, m_rateLimit.limit), reset);
    const qint64 minute = m_clock->now().addSecs(60).toSecsSinceEpoch();
    const QJsonObject resources {
        {u"core"_s, core},
        {u"search"_s, bucket(30, 0, minute)},
        {u"graphql"_s, bucket(kGraphqlLimit, std::min(m_graphqlUsed, kGraphqlLimit), reset)},
        {u"integration_manifest"_s, bucket(5000, 0, reset)},
        {u"code_search"_s, bucket(10, 0, minute)},
    };
    return HttpResponse::json(
        200, QJsonDocument(QJsonObject {{u"resources"_s, resources}, {u"rate"_s, core}}));
}

QString GitHubApi::repoApi(const Context &context) const
{
    return context.apiBase + u"/repos/"_s + m_repository.fullName();
}

QJsonObject GitHubApi::repositoryJson(const Context &context) const
{
    const QString api = repoApi(context);
    QJsonObject repo {
        {u"id"_s, m_repository.id},
        {u"node_id"_s, nodeId(u"R_kgDO"_s, m_repository.id)},
        {u"name"_s, m_repository.name},
        {u"full_name"_s, m_repository.fullName()},
        {u"private"_s, true},
        {u"html_url"_s, QString(context.htmlBase + u'/' + m_repository.fullName())},
        {u"description"_s, u"conda recipes and deploy workflows"_s},
        {u"fork"_s, false},
        {u"url"_s, api},
    };
    QJsonObject owner = userJson(m_repository.owner, context.apiBase, context.htmlBase, false);
    owner.insert(u"type"_s, u"Organization"_s);
    repo.insert(u"owner"_s, owner);
    const std::initializer_list<std::pair<const char16_t *, const char16_t *>> urls = {
        {u"archive_url", u"/{archive_format}{/ref}"},
        {u"assignees_url", u"/assignees{/user}"},
        {u"blobs_url", u"/git/blobs{/sha}"},
        {u"branches_url", u"/branches{/branch}"},
        {u"collaborators_url", u"/collaborators{/collaborator}"},
        {u"comments_url", u"/comments{/number}"},
        {u"commits_url", u"/commits{/sha}"},
        {u"compare_url", u"/compare/{base}...{head}"},
        {u"contents_url", u"/contents/{+path}"},
        {u"contributors_url", u"/contributors"},
        {u"deployments_url", u"/deployments"},
        {u"downloads_url", u"/downloads"},
        {u"events_url", u"/events"},
        {u"forks_url", u"/forks"},
        {u"git_commits_url", u"/git/commits{/sha}"},
        {u"git_refs_url", u"/git/refs{/sha}"},
        {u"git_tags_url", u"/git/tags{/sha}"},
        {u"hooks_url", u"/hooks"},
        {u"issue_comment_url", u"/issues/comments{/number}"},
        {u"issue_events_url", u"/issues/events{/number}"},
        {u"issues_url", u"/issues{/number}"},
        {u"keys_url", u"/keys{/key_id}"},
        {u"labels_url", u"/labels{/name}"},
        {u"languages_url", u"/languages"},
        {u"merges_url", u"/merges"},
        {u"milestones_url", u"/milestones{/number}"},
        {u"notifications_url", u"/notifications{?since,all,participating}"},
        {u"pulls_url", u"/pulls{/number}"},
        {u"releases_url", u"/releases{/id}"},
        {u"stargazers_url", u"/stargazers"},
        {u"statuses_url", u"/statuses/{sha}"},
        {u"subscribers_url", u"/subscribers"},
        {u"subscription_url", u"/subscription"},
        {u"tags_url", u"/tags"},
        {u"teams_url", u"/teams"},
        {u"trees_url", u"/git/trees{/sha}"},
    };
    for (const auto &[key, suffix] : urls)
        repo.insert(QString::fromUtf16(key), QString(api + QString::fromUtf16(suffix)));
    return repo;
}

QJsonObject GitHubApi::workflowJson(const Context &context, const GitHubWorkflow &workflow) const
{
    const QString html = context.htmlBase + u'/' + m_repository.fullName();
    return QJsonObject {
        {u"id"_s, workflow.id},
        {u"node_id"_s, nodeId(u"W_kwDO"_s, workflow.id)},
        {u"name"_s, workflow.name},
        {u"path"_s, workflow.path},
        {u"state"_s, workflow.state},
        {u"created_at"_s, isoTime(workflow.createdAt)},
        {u"updated_at"_s, isoTime(workflow.updatedAt)},
        {u"url"_s,
         QString(repoApi(context) + u"/actions/workflows/"_s + QString::number(workflow.id))},
        {u"html_url"_s,
         QString(html + u"/blob/"_s + m_repository.defaultBranch + u'/' + workflow.path)},
        {u"badge_url"_s, QString(html + u"/workflows/"_s + workflow.name + u"/badge.svg"_s)},
    };
}

HttpResponse GitHubApi::listWorkflows(const Context &context)
{
    QJsonArray workflows;
    for (const GitHubWorkflow &workflow : std::as_const(m_repository.workflows))
        workflows.append(workflowJson(context, workflow));
    return HttpResponse::json(200,
                              QJsonDocument(QJsonObject {{u"total_count"_s, workflows.size()},
                                                         {u"workflows"_s, workflows}}));
}

HttpResponse GitHubApi::getWorkflow(const Context &context, const GitHubWorkflow &workflow)
{
    return HttpResponse::json(200, QJsonDocument(workflowJson(context, workflow)));
}

HttpResponse GitHubApi::dispatchWorkflow(Context &context, GitHubWorkflow &workflow)
{
    const QString docs = kDocsDispatch;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(context.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, u"Problems parsing JSON"_s, docs);
    const QJsonObject body = document.object();
    if (m_enterpriseMode && body.contains(u"return_run_details"_s))
        return error(m_enterpriseRefusalStatus,
                     u"Invalid request.\n\n\"return_run_details\" is not a permitted key."_s, docs);
    for (auto it = body.constBegin(); it != body.constEnd(); ++it) {
        if (it.key() != u"ref"_s && it.key() != u"inputs"_s && it.key() != u"return_run_details"_s)
            return error(422,
                         u"Invalid request.\n\n\""_s + it.key() + u"\" is not a permitted key."_s,
                         docs);
    }
    if (!body.value(u"ref"_s).isString())
        return error(422, u"Invalid request.\n\n\"ref\" wasn't supplied."_s, docs);
    if (body.contains(u"return_run_details"_s) && !body.value(u"return_run_details"_s).isBool())
        return error(
            422,
            u"Invalid request.\n\nFor 'properties/return_run_details', "_s +
                QString::fromUtf8(QJsonDocument(QJsonArray {body.value(u"return_run_details"_s)})
                                      .toJson(QJsonDocument::Compact)
                                      .mid(1)
                                      .chopped(1)) +
                u" is not a boolean."_s,
            docs);
    if (workflow.state != u"active"_s)
        return error(422, u"Cannot trigger a 'workflow_dispatch' on a disabled workflow"_s, docs);
    if (!workflow.hasWorkflowDispatch)
        return error(422, u"Workflow does not have 'workflow_dispatch' trigger"_s, docs);

    QString ref = body.value(u"ref"_s).toString();
    const QString branch = ref.startsWith(u"refs/heads/"_s) ? ref.mid(11) : ref;
    if (!m_repository.branches.contains(branch))
        return error(422, u"No ref found for: "_s + ref, docs);

    const QJsonValue inputsValue = body.value(u"inputs"_s);
    if (!inputsValue.isUndefined() && !inputsValue.isObject())
        return error(422,
                     u"Invalid request.\n\nFor 'properties/inputs', "_s +
                         QString::fromUtf8(QJsonDocument(QJsonArray {inputsValue})
                                               .toJson(QJsonDocument::Compact)
                                               .mid(1)
                                               .chopped(1)) +
                         u" is not an object."_s,
                     docs);
    const QJsonObject inputs = inputsValue.toObject();
    if (inputs.size() > kMaxDispatchInputs) {
        return error(422,
                     u"Invalid request.\n\nFor 'properties/inputs', the number of properties "
                     "is greater than the maximum of 25."_s,
                     docs);
    }
    QStringList unexpected;
    QJsonArray problems;
    qsizetype characters = 0;
    for (auto it = inputs.constBegin(); it != inputs.constEnd(); ++it) {
        if (!workflow.inputs.contains(it.key()) && !workflow.optionalInputs.contains(it.key()))
            unexpected << u'"' + it.key() + u'"';
        if (!it.value().isString()) {
            problems.append(QJsonObject {
                {u"resource"_s, u"WorkflowDispatch"_s},
                {u"field"_s, QString(u"inputs."_s + it.key())},
                {u"code"_s, u"invalid"_s},
                {u"message"_s, QString(u"Input '"_s + it.key() + u"' must be a string"_s)}});
        }
        characters += it.key().size() + it.value().toString().size();
    }
    if (!unexpected.isEmpty()) {
        QJsonArray errors {QJsonObject {{u"resource"_s, u"WorkflowDispatch"_s},
                                        {u"field"_s, u"inputs"_s},
                                        {u"code"_s, u"invalid"_s}}};
        return error(422, u"Unexpected inputs provided: ["_s + unexpected.join(u", "_s) + u']',
                     docs, &errors);
    }
    for (const QString &name : std::as_const(workflow.inputs)) {
        if (!inputs.contains(name)) {
            QJsonArray errors {QJsonObject {{u"resource"_s, u"WorkflowDispatch"_s},
                                            {u"field"_s, QString(u"inputs."_s + name)},
                                            {u"code"_s, u"missing_field"_s}}};
            return error(422, u"Required input '"_s + name + u"' not provided"_s, docs, &errors);
        }
    }
    if (!problems.isEmpty()) {
        return error(422, problems.first().toObject().value(u"message"_s).toString(), docs,
                     &problems);
    }
    if (characters > kMaxDispatchInputCharacters) {
        return error(422,
                     u"Inputs are too large. The maximum size is 65535 characters, got "_s +
                         QString::number(characters) + u'.',
                     docs);
    }

    QString title = workflow.name;
    if (!workflow.runName.isEmpty()) {
        // run-name: "${{ inputs.x }}" expressions, the only kind the demo workflows use.
        title = workflow.runName;
        for (auto it = inputs.constBegin(); it != inputs.constEnd(); ++it)
            title.replace(u"${{ inputs."_s + it.key() + u" }}"_s, it.value().toString());
        // An optional input that was not sent is its default, the empty string.
        for (const QString &name : std::as_const(workflow.optionalInputs))
            title.replace(u"${{ inputs."_s + name + u" }}"_s, QString());
    }
    const qint64 runId = m_engine->startRun(
        u"workflow_dispatch"_s, workflow.path, branch, m_repository.branches.value(branch),
        context.token ? context.token->login : QString(), title, inputs);
    if (body.value(u"return_run_details"_s).toBool()) {
        const QString runUrl = repoApi(context) + u"/actions/runs/"_s + QString::number(runId);
        const QString htmlUrl = context.htmlBase + u'/' + m_repository.fullName() +
            u"/actions/runs/"_s + QString::number(runId);
        return HttpResponse::json(200,
                                  QJsonDocument(QJsonObject {{u"workflow_run_id"_s, runId},
                                                             {u"run_url"_s, runUrl},
                                                             {u"html_url"_s, htmlUrl}}));
    }
    return HttpResponse::empty(204);
}

HttpResponse GitHubApi::dispatchRepository(Context &context)
{
    const QString docs = kDocsRepositoryDispatch;
    QJsonParseError parseError {};
    const QJsonDocument document = QJsonDocument::fromJson(context.request.body, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return error(400, u"Problems parsing JSON"_s, docs);
    const QJsonObject body = document.object();
    const QJsonValue eventType = body.value(u"event_type"_s);
    if (!eventType.isString())
        return error(422, u"Invalid request.\n\n\"event_type\" wasn't supplied."_s, docs);
    const QString type = eventType.toString();
    if (type.isEmpty() || type.size() > kMaxEventTypeCharacters) {
        QJsonArray errors {QJsonObject {{u"resource"_s, u"RepositoryDispatch"_s},
                                        {u"field"_s, u"event_type"_s},
                                        {u"code"_s, u"invalid"_s}}};
        return error(422,
                     u"Invalid request.\n\nFor 'properties/event_type', \""_s + type +
                         (type.isEmpty() ? u"\" is too short (minimum is 1 characters)."_s
                                         : u"\" is too long (maximum is 100 characters)."_s),
                     docs, &errors);
    }
    const QJsonValue payloadValue = body.value(u"client_payload"_s);
    if (!payloadValue.isUndefined() && !payloadValue.isObject())
        return error(422,
                     u"Invalid request.\n\nFor 'properties/client_payload', it is not an object."_s,
                     docs);
    const QJsonObject payload = payloadValue.toObject();
    if (payload.size() > kMaxClientPayloadKeys) {
        QJsonArray errors {QJsonObject {{u"resource"_s, u"RepositoryDispatch"_s},
                                        {u"field"_s, u"client_payload"_s},
                                        {u"code"_s, u"invalid"_s}}};
        return error(422,
                     u"Invalid request.\n\nNo more than 10 properties are allowed; "_s +
                         QString::number(payload.size()) + u" were supplied."_s,
                     docs, &errors);
    }
    if (QJsonDocument(payload).toJson(QJsonDocument::Compact).size() >= kMaxClientPayloadBytes)
        return error(422, u"client_payload is too large"_s, docs);
    for (const GitHubWorkflow &workflow : std::as_const(m_repository.workflows)) {
        if (workflow.state == u"active"_s && workflow.repositoryDispatchTypes.contains(type)) {
            m_engine->startRun(u"repository_dispatch"_s, workflow.path, m_repository.defaultBranch,
                               m_repository.branches.value(m_repository.defaultBranch),
                               context.token ? context.token->login : QString(), type, payload);
        }
    }
    return HttpResponse::empty(204);
}

std::optional<std::pair<QString, QString>> GitHubApi::resolveRef(const QString &ref) const
{
    if (ref.isEmpty())
        return std::pair {m_repository.defaultBranch,
                          m_repository.branches.value(m_repository.defaultBranch)};
    const QString name = ref.startsWith(u"refs/heads/"_s) ? ref.mid(11) : ref;
    if (const auto found = m_repository.branches.constFind(name);
        found != m_repository.branches.cend())
        return std::pair {ref, *found};
    for (const QString &sha : m_repository.branches) {
        if (sha.compare(ref, Qt::CaseInsensitive) == 0)
            return std::pair {ref, sha};
    }
    return std::nullopt;
}

QJsonObject GitHubApi::contentJson(const Context &context, const QString &path, const QString &ref,
                                   const QByteArray *file) const
{
    const QString html = context.htmlBase + u'/' + m_repository.fullName();
    const QString encodedPath = QString::fromLatin1(QUrl::toPercentEncoding(path, "/"));
    const QString url = repoApi(context) + u"/contents/"_s + encodedPath + u"?ref="_s +
        QString::fromLatin1(QUrl::toPercentEncoding(ref));
    const QString sha = file
        ? gitBlobSha(*file)
        : QString::fromLatin1(QCryptographicHash::hash(QString(u"tree "_s + path).toUtf8(),
                                                       QCryptographicHash::Sha1)
                                  .toHex());
    const QString gitUrl = repoApi(context) + (file ? u"/git/blobs/"_s : u"/git/trees/"_s) + sha;
    const QString htmlUrl = html + (file ? u"/blob/"_s : u"/tree/"_s) + ref + u'/' + encodedPath;
    QJsonObject json {
        {u"type"_s, file ? u"file"_s : u"dir"_s},
        {u"size"_s, file ? file->size() : 0},
        {u"name"_s, path.section(u'/', -1)},
        {u"path"_s, path},
        {u"sha"_s, sha},
        {u"url"_s, url},
        {u"git_url"_s, gitUrl},
        {u"html_url"_s, htmlUrl},
        {u"download_url"_s,
         file ? QJsonValue(html + u"/raw/"_s + ref + u'/' + encodedPath) : QJsonValue()},
        {u"_links"_s, QJsonObject {{u"self"_s, url}, {u"git"_s, gitUrl}, {u"html"_s, htmlUrl}}},
    };
    return json;
}

HttpResponse GitHubApi::getContents(const Context &context, const QString &rawPath)
{
    const QString ref = context.request.query.queryItemValue(u"ref"_s, QUrl::FullyDecoded);
    const std::optional<std::pair<QString, QString>> resolved = resolveRef(ref);
    if (!resolved)
        return error(404, u"No commit found for the ref "_s + ref, kDocsContents);
    QString path = rawPath;
    while (path.endsWith(u'/'))
        path.chop(1);
    const QString refName = resolved->first;
    if (const auto found = m_repository.files.constFind(path); found != m_repository.files.cend()) {
        QJsonObject json = contentJson(context, path, refName, &*found);
        json.insert(u"content"_s, wrappedBase64(*found));
        json.insert(u"encoding"_s, u"base64"_s);
        return HttpResponse::json(200, QJsonDocument(json));
    }
    // A directory: its files and subdirectories, sorted like GitHub (by name).
    const QString prefix = path.isEmpty() ? QString() : path + u'/';
    QMap<QString, QJsonObject> entries;
    for (auto it = m_repository.files.constBegin(); it != m_repository.files.constEnd(); ++it) {
        if (!it.key().startsWith(prefix))
            continue;
        const QString rest = it.key().mid(prefix.size());
        const qsizetype slash = rest.indexOf(u'/');
        if (slash < 0)
            entries.insert(rest, contentJson(context, it.key(), refName, &it.value()));
        else
            entries.insert(rest.left(slash),
                           contentJson(context, prefix + rest.left(slash), refName, nullptr));
    }
    if (entries.isEmpty())
        return notFound(context);
    QJsonArray list;
    for (const QJsonObject &entry : std::as_const(entries))
        list.append(entry);
    return HttpResponse::json(200, QJsonDocument(list));
}

QJsonObject GitHubApi::commitJson(const Context &context, const QString &sha) const
{
    const QString api = repoApi(context) + u"/commits/"_s + sha;
    const QString html = context.htmlBase + u'/' + m_repository.fullName();
    const QString tree = QString::fromLatin1(
        QCryptographicHash::hash(QString(u"tree of "_s + sha).toUtf8(), QCryptographicHash::Sha1)
            .toHex());
    const QString parent = QString::fromLatin1(
        QCryptographicHash::hash(QString(u"parent of "_s + sha).toUtf8(), QCryptographicHash::Sha1)
            .toHex());
    const QJsonObject person {
        {u"name"_s, u"Recipes Bot"_s},
        {u"email"_s, u"recipes@example.org"_s},
        {u"date"_s,
         isoTime(m_repository.workflows.isEmpty() ? m_clock->now()
                                                  : m_repository.workflows.first().updatedAt)}};
    const QJsonObject user = userJson(m_repository.owner, context.apiBase, context.htmlBase, false);
    return QJsonObject {
        {u"sha"_s, sha},
        {u"node_id"_s, QString(u"C_kwDOEpYaydoA"_s + sha.left(12))},
        {u"commit"_s,
         QJsonObject {
             {u"author"_s, person},
             {u"committer"_s, person},
             {u"message"_s, u"Update the deploy workflows"_s},
             {u"tree"_s,
              QJsonObject {{u"sha"_s, tree},
                           {u"url"_s, QString(repoApi(context) + u"/git/trees/"_s + tree)}}},
             {u"url"_s, QString(repoApi(context) + u"/git/commits/"_s + sha)},
             {u"comment_count"_s, 0},
             {u"verification"_s,
              QJsonObject {{u"verified"_s, false},
                           {u"reason"_s, u"unsigned"_s},
                           {u"signature"_s, QJsonValue()},
                           {u"payload"_s, QJsonValue()},
                           {u"verified_at"_s, QJsonValue()}}},
         }},
        {u"url"_s, api},
        {u"html_url"_s, QString(html + u"/commit/"_s + sha)},
        {u"comments_url"_s, QString(api + u"/comments"_s)},
        {u"author"_s, user},
        {u"committer"_s, user},
        {u"parents"_s,
         QJsonArray {QJsonObject {{u"sha"_s, parent},
                                  {u"url"_s, QString(repoApi(context) + u"/commits/"_s + parent)},
                                  {u"html_url"_s, QString(html + u"/commit/"_s + parent)}}}},
    };
}

HttpResponse GitHubApi::getBranch(const Context &context, const QString &branch)
{
    const auto found = m_repository.branches.constFind(branch);
    if (found == m_repository.branches.cend())
        return error(404, u"Branch not found"_s, kDocsBranch);
    const bool isProtected = m_repository.protectedBranches.value(branch);
    const QString api =
        repoApi(context) + u"/branches/"_s + QString::fromLatin1(QUrl::toPercentEncoding(branch));
    const QJsonObject json {
        {u"name"_s, branch},
        {u"commit"_s, commitJson(context, *found)},
        {u"_links"_s,
         QJsonObject {
             {u"self"_s, api},
             {u"html"_s,
              QString(context.htmlBase + u'/' + m_repository.fullName() + u"/tree/"_s + branch)}}},
        {u"protected"_s, isProtected},
        {u"protection"_s,
         QJsonObject {
             {u"enabled"_s, isProtected},
             {u"required_status_checks"_s,
              QJsonObject {{u"enforcement_level"_s, isProtected ? u"non_admins"_s : u"off"_s},
                           {u"contexts"_s, QJsonArray()},
                           {u"checks"_s, QJsonArray()}}}}},
        {u"protection_url"_s, QString(api + u"/protection"_s)},
    };
    return HttpResponse::json(200, QJsonDocument(json));
}

QJsonObject GitHubApi::runJson(const Context &context, const Run &run) const
{
    const RunView view = m_engine->viewRun(run);
    const QString runApi = repoApi(context) + u"/actions/runs/"_s + QString::number(run.id);
    const GitHubWorkflow *owner = nullptr;
    for (const GitHubWorkflow &candidate : m_repository.workflows) {
        if (candidate.path == run.workflowPath)
            owner = &candidate;
    }
    const qint64 workflowId = owner ? owner->id : 0;
    const QJsonObject repository = repositoryJson(context);
    const QJsonObject actor = userJson(run.actor, context.apiBase, context.htmlBase, false);
    const QJsonObject person {{u"name"_s, u"Recipes Bot"_s},
                              {u"email"_s, u"recipes@example.org"_s}};
    QJsonObject json {
        {u"id"_s, run.id},
        {u"name"_s, owner ? owner->name : QString()},
        {u"node_id"_s, nodeId(u"WFR_kwLO"_s, run.id)},
        {u"head_branch"_s, run.headBranch},
        {u"head_sha"_s, run.headSha},
        {u"path"_s, run.workflowPath},
        {u"display_title"_s, run.displayTitle},
        {u"run_number"_s, run.runNumber},
        {u"event"_s, run.event},
        {u"status"_s, view.status},
        {u"conclusion"_s, nullableString(view.conclusion)},
        {u"workflow_id"_s, workflowId},
        {u"check_suite_id"_s, run.id + 7000000000},
        {u"check_suite_node_id"_s, nodeId(u"CS_kwDO"_s, run.id + 7000000000)},
        {u"url"_s, runApi},
        {u"html_url"_s,
         QString(context.htmlBase + u'/' + m_repository.fullName() + u"/actions/runs/"_s +
                 QString::number(run.id))},
        {u"pull_requests"_s, QJsonArray()},
        {u"created_at"_s, isoTime(run.createdAt)},
        {u"updated_at"_s, isoTime(view.updatedAt)},
        {u"actor"_s, actor},
        {u"triggering_actor"_s, actor},
        {u"run_attempt"_s, run.runAttempt},
        {u"referenced_workflows"_s, QJsonArray()},
        {u"run_started_at"_s, isoTime(run.attemptStartedAt)},
        {u"jobs_url"_s, QString(runApi + u"/jobs"_s)},
        {u"logs_url"_s, QString(runApi + u"/logs"_s)},
        {u"check_suite_url"_s,
         QString(repoApi(context) + u"/check-suites/"_s + QString::number(run.id + 7000000000))},
        {u"artifacts_url"_s, QString(runApi + u"/artifacts"_s)},
        {u"cancel_url"_s, QString(runApi + u"/cancel"_s)},
        {u"rerun_url"_s, QString(runApi + u"/rerun"_s)},
        {u"previous_attempt_url"_s,
         run.runAttempt > 1
             ? QJsonValue(runApi + u"/attempts/"_s + QString::number(run.runAttempt - 1))
             : QJsonValue()},
        {u"workflow_url"_s,
         QString(repoApi(context) + u"/actions/workflows/"_s + QString::number(workflowId))},
        {u"head_commit"_s,
         QJsonObject {{u"id"_s, run.headSha},
                      {u"tree_id"_s,
                       QString::fromLatin1(
                           QCryptographicHash::hash(run.headSha.toUtf8(), QCryptographicHash::Sha1)
                               .toHex())},
                      {u"message"_s, u"Update recipes"_s},
                      {u"timestamp"_s, u"2025-01-15T12:00:00Z"_s},
                      {u"author"_s, person},
                      {u"committer"_s, person}}},
        {u"repository"_s, repository},
        {u"head_repository"_s, repository},
    };
    return json;
}

HttpResponse GitHubApi::listRuns(const Context &context, const GitHubWorkflow *onlyWorkflow)
{
    m_engine->catchUp();
    const QUrlQuery &query = context.request.query;
    const QString event = query.queryItemValue(u"event"_s);
    const QString actor = query.queryItemValue(u"actor"_s);
    const QString branch = query.queryItemValue(u"branch"_s);
    const QString status = query.queryItemValue(u"status"_s);
    const QString created = query.queryItemValue(u"created"_s, QUrl::FullyDecoded);
    const QString headSha = query.queryItemValue(u"head_sha"_s);
    QList<const Run *> selected;
    for (const Run *run : m_engine->runs()) {
        if (onlyWorkflow && run->workflowPath != onlyWorkflow->path)
            continue;
        if (!event.isEmpty() && run->event != event)
            continue;
        if (!actor.isEmpty() && run->actor.compare(actor, Qt::CaseInsensitive) != 0)
            continue;
        if (!branch.isEmpty() && run->headBranch != branch)
            continue;
        if (!headSha.isEmpty() && run->headSha != headSha)
            continue;
        if (!status.isEmpty()) {
            const RunView view = m_engine->viewRun(*run);
            if (view.status != status && view.conclusion != status)
                continue;
        }
        if (!matchesCreated(created, run->createdAt))
            continue;
        selected.append(run);
    }
    return pagedList(query, context.apiBase + u'/' + context.segments.join(u'/'), selected,
                     u"workflow_runs"_s, [&](const auto &item) { return runJson(context, item); });
}

HttpResponse GitHubApi::getRun(const Context &context, qint64 runId)
{
    m_engine->catchUp();
    const Run *run = m_engine->run(runId);
    if (!run)
        return notFound(context);
    return HttpResponse::json(200, QJsonDocument(runJson(context, *run)));
}

QJsonObject GitHubApi::jobJson(const Context &context, const Job &job) const
{
    const JobView view = m_engine->viewJob(job);
    const Run *run = m_engine->run(job.runId);
    const bool queued = view.status == u"queued"_s;
    QJsonArray steps;
    for (const StepView &step : view.steps) {
        steps.append(QJsonObject {{u"name"_s, step.name},
                                  {u"status"_s, step.status},
                                  {u"conclusion"_s, nullableString(step.conclusion)},
                                  {u"number"_s, step.number},
                                  {u"started_at"_s, nullableTime(step.startedAt)},
                                  {u"completed_at"_s, nullableTime(step.completedAt)}});
    }
    QJsonArray labels;
    labels.append(job.platform ? job.platform->os : u"ubuntu-latest"_s);
    const QString html = context.htmlBase + u'/' + m_repository.fullName();
    const QString name =
        job.runnerId ? u"GitHub Actions "_s + QString::number(job.runnerId) : QString();
    return QJsonObject {
        {u"id"_s, job.id},
        {u"run_id"_s, job.runId},
        {u"workflow_name"_s, run ? run->displayTitle : QString()},
        {u"head_branch"_s, run ? run->headBranch : QString()},
        {u"run_url"_s,
         QString(repoApi(context) + u"/actions/runs/"_s + QString::number(job.runId))},
        {u"run_attempt"_s, job.runAttempt},
        {u"node_id"_s, nodeId(u"CR_kwDO"_s, job.id)},
        {u"head_sha"_s, run ? run->headSha : QString()},
        {u"url"_s, QString(repoApi(context) + u"/actions/jobs/"_s + QString::number(job.id))},
        {u"html_url"_s,
         QString(html + u"/actions/runs/"_s + QString::number(job.runId) + u"/job/"_s +
                 QString::number(job.id))},
        {u"status"_s, view.status},
        {u"conclusion"_s, nullableString(view.conclusion)},
        {u"created_at"_s, isoTime(job.createdAt)},
        {u"started_at"_s, isoTime(view.startedAt)},
        {u"completed_at"_s, nullableTime(view.completedAt)},
        {u"name"_s, job.name},
        {u"steps"_s, steps},
        {u"check_run_url"_s,
         QString(repoApi(context) + u"/check-runs/"_s + QString::number(job.id))},
        {u"labels"_s, labels},
        {u"runner_id"_s, queued ? QJsonValue() : QJsonValue(job.runnerId)},
        {u"runner_name"_s, queued ? QJsonValue() : QJsonValue(name)},
        {u"runner_group_id"_s, queued ? QJsonValue() : QJsonValue(0)},
        {u"runner_group_name"_s, queued ? QJsonValue() : QJsonValue(u"GitHub Actions"_s)},
    };
}

HttpResponse GitHubApi::listJobs(const Context &context, qint64 runId)
{
    m_engine->catchUp();
    if (!m_engine->run(runId))
        return notFound(context);
    const QUrlQuery &query = context.request.query;
    const bool all = query.queryItemValue(u"filter"_s) == u"all"_s;
    const QList<const Job *> jobs = m_engine->jobsOf(runId, all);
    return pagedList(query, context.apiBase + u'/' + context.segments.join(u'/'), jobs, u"jobs"_s,
                     [&](const auto &item) { return jobJson(context, item); });
}

HttpResponse GitHubApi::getJob(const Context &context, qint64 jobId)
{
    m_engine->catchUp();
    const Job *job = m_engine->job(jobId);
    if (!job)
        return notFound(context);
    return HttpResponse::json(200, QJsonDocument(jobJson(context, *job)));
}

QJsonObject GitHubApi::artifactJson(const Context &context, const Artifact &artifact) const
{
    const Run *run = m_engine->run(artifact.runId);
    const QString url = repoApi(context) + u"/actions/artifacts/"_s + QString::number(artifact.id);
    const QByteArray digest = artifact.streamedSize >= 0
        ? QCryptographicHash::hash(QByteArray::number(artifact.seed), QCryptographicHash::Sha256)
              .toHex()
        : QCryptographicHash::hash(artifact.zip, QCryptographicHash::Sha256).toHex();
    return QJsonObject {
        {u"id"_s, artifact.id},
        {u"node_id"_s, nodeId(u"MDg6QXJ0aWZhY3"_s, artifact.id)},
        {u"name"_s, artifact.name},
        {u"size_in_bytes"_s, artifact.size()},
        {u"url"_s, url},
        {u"archive_download_url"_s, QString(url + u"/zip"_s)},
        {u"expired"_s, false},
        {u"digest"_s, QString(u"sha256:"_s + QString::fromLatin1(digest))},
        {u"created_at"_s, isoTime(artifact.createdAt)},
        {u"updated_at"_s, isoTime(artifact.createdAt)},
        {u"expires_at"_s, isoTime(artifact.createdAt.addDays(90))},
        {u"workflow_run"_s,
         QJsonObject {{u"id"_s, artifact.runId},
                      {u"repository_id"_s, m_repository.id},
                      {u"head_repository_id"_s, m_repository.id},
                      {u"head_branch"_s, run ? run->headBranch : QString()},
                      {u"head_sha"_s, run ? run->headSha : QString()}}},
    };
}

HttpResponse GitHubApi::listArtifacts(const Context &context, qint64 runId)
{
    m_engine->catchUp();
    if (!m_engine->run(runId))
        return notFound(context);
    const QUrlQuery &query = context.request.query;
    const QString name = query.queryItemValue(u"name"_s);
    QList<const Artifact *> selected;
    for (const Artifact *artifact : m_engine->artifactsOf(runId)) {
        if (name.isEmpty() || artifact->name == name)
            selected.append(artifact);
    }
    return pagedList(query, context.apiBase + u'/' + context.segments.join(u'/'), selected,
                     u"artifacts"_s, [&](const auto &item) { return artifactJson(context, item); });
}

HttpResponse GitHubApi::downloadArtifact(const Context &context, qint64 artifactId)
{
    const Artifact *artifact = m_engine->artifact(artifactId);
    if (!artifact)
        return notFound(context);
    // Like GitHub's blob storage: a signed URL on another host, valid for a minute.
    const QString signature = QString::fromLatin1(
        QCryptographicHash::hash(QByteArray(QByteArray::number(artifactId) + "artifact"),
                                 QCryptographicHash::Sha256)
            .toHex()
            .left(32));
    return HttpResponse::redirect(m_blobUrl(
        u"/blobs/artifacts/"_s + QString::number(artifactId) + u".zip?sig="_s + signature +
        u"&se="_s + QString::number(m_clock->now().addSecs(60).toSecsSinceEpoch())));
}

HttpResponse GitHubApi::downloadJobLog(const Context &context, qint64 jobId)
{
    if (!m_engine->job(jobId))
        return notFound(context);
    const QString signature =
        QString::fromLatin1(QCryptographicHash::hash(QByteArray(QByteArray::number(jobId) + "log"),
                                                     QCryptographicHash::Sha256)
                                .toHex()
                                .left(32));
    return HttpResponse::redirect(
        m_blobUrl(u"/blobs/logs/"_s + QString::number(jobId) + u".txt?sig="_s + signature +
                  u"&se="_s + QString::number(m_clock->now().addSecs(60).toSecsSinceEpoch())));
}

HttpResponse GitHubApi::listCheckRunAnnotations(const Context &context, qint64 checkRunId)
{
    m_engine->catchUp();
    // An Actions job's check run has the job's id.
    const Job *job = m_engine->job(checkRunId);
    if (!job)
        return notFound(context);
    const Run *run = m_engine->run(job->runId);
    const QString blobBase = context.htmlBase + u'/' + m_repository.fullName() + u"/blob/"_s +
        (run ? run->headSha : QString()) + u'/';
    const QList<CheckAnnotation> annotations = m_engine->annotations(*job);
    const Paging paging = pagingOf(context.request.query);
    const int total = int(annotations.size());
    const int lastPage = std::max(1, (total + paging.perPage - 1) / paging.perPage);
    QJsonArray page;
    for (qsizetype i = qsizetype(paging.page - 1) * paging.perPage;
         i < annotations.size() && page.size() < paging.perPage; ++i) {
        const CheckAnnotation &annotation = annotations.at(i);
        page.append(QJsonObject {
            {u"path"_s, annotation.path},
            {u"blob_href"_s, QString(blobBase + annotation.path)},
            {u"start_line"_s, annotation.startLine},
            {u"end_line"_s, annotation.endLine},
            {u"start_column"_s, QJsonValue()},
            {u"end_column"_s, QJsonValue()},
            {u"annotation_level"_s, annotation.level},
            {u"title"_s, annotation.title},
            {u"message"_s, annotation.message},
            {u"raw_details"_s, annotation.rawDetails},
        });
    }
    HttpResponse response = HttpResponse::json(200, QJsonDocument(page));
    if (const QByteArray link = linkHeader(context.apiBase + u'/' + context.segments.join(u'/'),
                                           context.request.query, paging.page, lastPage);
        !link.isEmpty())
        response.setHeader("Link"_ba, link);
    return response;
}

HttpResponse GitHubApi::graphql(const HttpRequest &request, const GitHubToken *token,
                                bool authFailed)
{
    HttpResponse response;
    bool counted = false;
    if (authFailed) {
        response = error(401, u"Bad credentials"_s, kDocsGraphql);
    } else if (!token) {
        response = HttpResponse::json(
            401,
            QJsonDocument(
                QJsonObject {{u"message"_s, u"This endpoint requires you to be authenticated."_s},
                             {u"documentation_url"_s,
                              u"https://docs.github.com/graphql/guides/"
                              "forming-calls-with-graphql#authenticating-with-graphql"_s}}));
    } else if (request.method != "POST") {
        response = error(404, u"Not Found"_s, kDocsGraphql);
    } else if (m_graphqlUsed >= kGraphqlLimit) {
        response = HttpResponse::json(
            200,
            QJsonDocument(QJsonObject {
                {u"errors"_s,
                 QJsonArray {QJsonObject {
                     {u"type"_s, u"RATE_LIMITED"_s},
                     {u"message"_s, u"API rate limit already exceeded for user ID 1."_s}}}}}));
    } else {
        counted = true;
        QJsonParseError parseError {};
        const QJsonDocument document = QJsonDocument::fromJson(request.body, &parseError);
        const QJsonValue query = document.object().value(u"query"_s);
        QJsonObject failure;
        if (parseError.error != QJsonParseError::NoError || !document.isObject()) {
            failure = {{u"message"_s, u"Problems parsing JSON"_s}};
        } else if (!query.isString() || query.toString().trimmed().isEmpty()) {
            failure = {
                {u"message"_s, u"A query attribute must be specified and must be a string."_s}};
        } else {
            // Quoted in the message, whitespace folded and bounded: enough to recognise it.
            QString quoted = query.toString().simplified();
            if (quoted.size() > kMaxQuoteCharacters)
                quoted = quoted.left(kMaxQuoteCharacters) + u"…"_s;
            failure = {{u"type"_s, u"NOT_SUPPORTED"_s},
                       {u"message"_s,
                        QString(u"The sandbox does not model this GraphQL query: "_s + quoted)}};
        }
        // GitHub answers GraphQL errors with 200 and an `errors` list.
        response = HttpResponse::json(
            200, QJsonDocument(QJsonObject {{u"errors"_s, QJsonArray {failure}}}));
    }
    if (counted)
        ++m_graphqlUsed;
    response.setHeader("x-ratelimit-limit"_ba, QByteArray::number(kGraphqlLimit));
    response.setHeader("x-ratelimit-remaining"_ba,
                       QByteArray::number(std::max(0, kGraphqlLimit - m_graphqlUsed)));
    response.setHeader(
        "x-ratelimit-reset"_ba,
        QByteArray::number(m_rateLimit.windowStart.addSecs(3600).toSecsSinceEpoch()));
    response.setHeader("x-ratelimit-used"_ba, QByteArray::number(m_graphqlUsed));
    response.setHeader("x-ratelimit-resource"_ba, "graphql"_ba);
    return response;
}

HttpResponse GitHubApi::cancelRun(const Context &context, qint64 runId)
{
    switch (m_engine->cancelRun(runId)) {
    case RunEngine::ControlResult::Done:
        return HttpResponse::json(202, QJsonDocument(QJsonObject()));
    case RunEngine::ControlResult::Conflict:
        return error(409, u"Cannot cancel a workflow run that is completed."_s,
                     u"https://docs.github.com/rest/actions/workflow-runs#cancel-a-workflow-run"_s);
    case RunEngine::ControlResult::NotFound:
        break;
    }
    return notFound(context);
}

HttpResponse GitHubApi::rerunFailedJobs(const Context &context, qint64 runId)
{
    switch (m_engine->rerunFailedJobs(runId)) {
    case RunEngine::ControlResult::Done:
        return HttpResponse::json(201, QJsonDocument(QJsonObject()));
    case RunEngine::ControlResult::Conflict:
        return error(
            403, u"This workflow run cannot be retried"_s,
            u"https://docs.github.com/rest/actions/workflow-runs#re-run-failed-jobs-from-a-workflow-run"_s);
    case RunEngine::ControlResult::NotFound:
        break;
    }
    return notFound(context);
}

HttpResponse GitHubApi::rerunJob(const Context &context, qint64 jobId)
{
    switch (m_engine->rerunJob(jobId)) {
    case RunEngine::ControlResult::Done:
        return HttpResponse::json(201, QJsonDocument(QJsonObject()));
    case RunEngine::ControlResult::Conflict:
        return error(
            403, u"This workflow run cannot be retried"_s,
            u"https://docs.github.com/rest/actions/workflow-jobs#re-run-a-job-from-a-workflow-run"_s);
    case RunEngine::ControlResult::NotFound:
        break;
    }
    return notFound(context);
}

}  // namespace rc::sandbox
