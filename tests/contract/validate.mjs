#!/usr/bin/env node
// Checks captured forge exchanges (JSON lines written by tst_contractcapture) against
//  - GitHub's official OpenAPI description (@octokit/openapi, api.github.com.json): the request's
//    operation, path and query parameters and JSON body, and the response body for its status;
//  - gitlab-anaconda-shapes.json for GitLab v4 and anaconda.org: query parameters, field names
//    and types, written from those services' API documentation.
// Prints one line per violation ("<operationId> <where>: <what>") and a summary; exits 1 on any
// violation. With --expect-violations FILE it instead checks that every line of FILE (a
// substring) matches some violation, and that every exchange produced at least one: the
// validator's self-test.
//
//   node validate.mjs --modules DIR [--shapes FILE] [--expect-violations FILE] exchanges.jsonl

import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

function parseArguments(argv) {
    const options = { modules: null, shapes: null, expect: null, files: [] };
    for (let i = 0; i < argv.length; ++i) {
        const argument = argv[i];
        if (argument === '--modules') options.modules = argv[++i];
        else if (argument === '--shapes') options.shapes = argv[++i];
        else if (argument === '--expect-violations') options.expect = argv[++i];
        else options.files.push(argument);
    }
    if (!options.modules || options.files.length === 0) {
        console.error('usage: validate.mjs --modules DIR [--shapes FILE] ' +
                      '[--expect-violations FILE] exchanges.jsonl...');
        process.exit(2);
    }
    return options;
}

const options = parseArguments(process.argv.slice(2));
const requireModule = createRequire(path.join(path.resolve(options.modules), 'index.js'));
const Ajv = requireModule('ajv').default;
const addFormats = requireModule('ajv-formats').default;
const specPath = requireModule.resolve('@octokit/openapi/generated/api.github.com.json');
const spec = JSON.parse(fs.readFileSync(specPath, 'utf8'));
const specVersion = JSON.parse(
    fs.readFileSync(requireModule.resolve('@octokit/openapi/package.json'), 'utf8')).version;

// ---------------------------------------------------------------------------------------------
// OpenAPI 3.0 schemas → JSON Schema (draft-07) for Ajv. GitHub's description is OpenAPI 3.0.3:
// `nullable: true` is not JSON Schema, so it becomes a type union (or an anyOf with null when
// the schema has no `type`, e.g. a nullable $ref or allOf). Documentation-only keywords go.

const kDocumentationKeywords = new Set([
    'example', 'examples', 'discriminator', 'xml', 'externalDocs', 'deprecated', 'readOnly',
    'writeOnly', 'title', 'description',
]);

function convertSchema(schema) {
    if (Array.isArray(schema)) return schema.map(convertSchema);
    if (schema === null || typeof schema !== 'object') return schema;
    const converted = {};
    for (const [key, value] of Object.entries(schema)) {
        if (kDocumentationKeywords.has(key) || key.startsWith('x-') || key === 'nullable') continue;
        if (key === '$ref') {
            converted.$ref = value.replace('#/components/schemas/', 'github#/definitions/');
        } else if (key === 'properties' || key === 'patternProperties') {
            converted[key] = Object.fromEntries(
                Object.entries(value).map(([name, sub]) => [name, convertSchema(sub)]));
        } else {
            converted[key] = convertSchema(value);
        }
    }
    if (schema.nullable === true) {
        if (typeof converted.type === 'string' && !converted.$ref) {
            converted.type = [converted.type, 'null'];
            if (Array.isArray(converted.enum) && !converted.enum.includes(null))
                converted.enum = [...converted.enum, null];
            return converted;
        }
        return { anyOf: [converted, { type: 'null' }] };
    }
    return converted;
}

const ajv = new Ajv({ strict: false, allErrors: true, logger: false });
addFormats(ajv);
// Formats GitHub uses that JSON Schema does not define are documentation only.
for (const format of collectFormats(spec.components.schemas)) {
    if (!ajv.formats[format]) ajv.addFormat(format, true);
}
ajv.addSchema({
    $id: 'github',
    definitions: Object.fromEntries(Object.entries(spec.components.schemas)
        .map(([name, schema]) => [name, convertSchema(schema)])),
});

function collectFormats(node, found = new Set()) {
    if (Array.isArray(node)) node.forEach(item => collectFormats(item, found));
    else if (node && typeof node === 'object') {
        if (typeof node.format === 'string') found.add(node.format);
        Object.values(node).forEach(value => collectFormats(value, found));
    }
    return found;
}

const compiledSchemas = new Map();
function compile(schema) {
    const key = JSON.stringify(schema);
    if (!compiledSchemas.has(key)) compiledSchemas.set(key, ajv.compile(convertSchema(schema)));
    return compiledSchemas.get(key);
}

function resolveReference(node) {
    // Parameters, responses and request bodies may be $refs into components.
    while (node && node.$ref) {
        const parts = node.$ref.replace(/^#\//, '').split('/');
        node = parts.reduce((object, part) => object[part], spec);
    }
    return node;
}

// ---------------------------------------------------------------------------------------------
// Matching a request path to an operation: the template with the most literal segments wins
// (".../runs/{run_id}/jobs" over ".../{a}/{b}/jobs").

const operationTemplates = Object.keys(spec.paths).map(template => {
    const segments = template.split('/').slice(1);
    return {
        template,
        segments,
        literals: segments.filter(segment => !segment.startsWith('{')).length,
    };
});

function matchGitHubOperation(method, requestPath) {
    const segments = requestPath.split('/').slice(1);
    let best = null;
    for (const candidate of operationTemplates) {
        // A trailing {path} (repos/get-content) takes the rest of the path, slashes and all.
        const last = candidate.segments.length - 1;
        const greedy = candidate.segments[last] === '{path}';
        if (greedy ? segments.length < candidate.segments.length
                   : candidate.segments.length !== segments.length) continue;
        const operation = spec.paths[candidate.template][method.toLowerCase()];
        if (!operation) continue;
        const parameters = {};
        let matches = true;
        for (let i = 0; i < candidate.segments.length && matches; ++i) {
            const expected = candidate.segments[i];
            const parameter = /^\{(.+)\}$/.exec(expected);
            if (greedy && i === last)
                parameters.path = segments.slice(i).map(decodeURIComponent).join('/');
            else if (parameter) parameters[parameter[1]] = decodeURIComponent(segments[i]);
            else matches = expected === segments[i];
        }
        if (matches && (!best || candidate.literals > best.literals))
            best = { ...candidate, operation, parameters };
    }
    return best;
}

// A path or query value is text on the wire; coerce it to what the parameter schema says.
function coerceParameter(value, schema) {
    const type = Array.isArray(schema?.type) ? schema.type[0] : schema?.type;
    if (type === 'integer' || type === 'number')
        return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
    if (type === 'boolean') return value === 'true' ? true : value === 'false' ? false : value;
    return value;
}

function usesSearchSyntax(parameter) {
    return parameter.schema?.format === 'date-time' &&
        /search syntax/i.test(parameter.description || '');
}
// A moment of a search qualifier: a date or a date-time.
const kSearchMoment = { anyOf: [{ type: 'string', format: 'date' },
                                { type: 'string', format: 'date-time' }] };
function searchQualifierMoments(text) {
    const range = /^(.+)\.\.(.+)$/.exec(text);
    if (range) return [range[1], range[2]].filter(part => part !== '*');
    const comparison = /^(>=|<=|>|<)?(.+)$/.exec(text);
    return comparison ? [comparison[2]] : [];
}

function describeAjvErrors(errors, prefix) {
    return errors.map(error => {
        let where = prefix + (error.instancePath || '');
        if (error.keyword === 'required') where += '/' + error.params.missingProperty;
        if (error.keyword === 'additionalProperties')
            where += '/' + error.params.additionalProperty;
        return `${where}: ${error.message}` +
            (error.keyword === 'enum' ? ` (${error.params.allowedValues.join(', ')})` : '');
    });
}

// Ajv reports every branch of an anyOf/oneOf; keep the deepest few, which name the field.
function mostSpecific(messages) {
    const unique = [...new Set(messages)];
    const depth = message => message.split(':')[0].split('/').length;
    const deepest = Math.max(...unique.map(depth));
    return unique.filter(message => depth(message) === deepest).slice(0, 5);
}

function checkGitHub(exchange, report) {
    const requestPath = exchange.path.replace(/^\/api\/v3(?=\/)/, '');
    const match = matchGitHubOperation(exchange.method, requestPath);
    if (!match) {
        report(`${exchange.method} ${requestPath}`, 'path',
               'no operation in GitHub\'s OpenAPI description');
        return null;
    }
    const operation = match.operation;
    const operationId = operation.operationId;
    const parameters = [...(spec.paths[match.template].parameters || []),
                        ...(operation.parameters || [])].map(resolveReference);

    // Path parameters.
    for (const parameter of parameters.filter(p => p.in === 'path')) {
        const value = coerceParameter(match.parameters[parameter.name], parameter.schema);
        const validate = compile(parameter.schema || {});
        if (!validate(value))
            for (const message of describeAjvErrors(validate.errors, `path.${parameter.name}`))
                report(operationId, message.split(':')[0], message.split(': ').slice(1).join(': '));
    }
    // Query parameters: each one sent must be declared and valid; required ones must be sent.
    const query = new URLSearchParams(exchange.query || '');
    const declared = new Map(parameters.filter(p => p.in === 'query').map(p => [p.name, p]));
    for (const [name, raw] of query) {
        const parameter = declared.get(name);
        if (!parameter) {
            report(operationId, `query.${name}`, 'not a parameter of this operation');
            continue;
        }
        // Date parameters documented with GitHub's search syntax (">=2024-01-01T00:00:00Z",
        // "2024-01-01..2024-01-31") carry `format: date-time` in the description; each moment
        // of the qualifier is checked instead of the whole text.
        const values = usesSearchSyntax(parameter) ? searchQualifierMoments(raw) : [raw];
        if (values.length === 0)
            report(operationId, `query.${name}`, `"${raw}" is not a search-syntax date qualifier`);
        const validate = compile(usesSearchSyntax(parameter) ? kSearchMoment : parameter.schema || {});
        for (const value of values)
            if (!validate(coerceParameter(value, parameter.schema)))
                for (const message of describeAjvErrors(validate.errors, `query.${name}`))
                    report(operationId, message.split(':')[0],
                           message.split(': ').slice(1).join(': '));
    }
    for (const parameter of declared.values())
        if (parameter.required && !query.has(parameter.name))
            report(operationId, `query.${parameter.name}`, 'required parameter missing');

    // Headers every GitHub request carries (the transport's policy, from GitHub's REST docs).
    const headers = exchange.requestHeaders || {};
    if (!(headers.accept || '').includes('application/vnd.github+json') &&
        !(headers.accept || '').includes('application/json'))
        report(operationId, 'header.accept', `"${headers.accept || ''}" is not a GitHub JSON type`);
    if (headers['x-github-api-version'] !== '2022-11-28')
        report(operationId, 'header.x-github-api-version',
               `"${headers['x-github-api-version'] || ''}" is not 2022-11-28`);

    // Request body.
    const requestBody = resolveReference(operation.requestBody);
    const requestSchema = requestBody?.content?.['application/json']?.schema;
    if (exchange.requestBodyKind === 'json') {
        if (!requestSchema) {
            report(operationId, 'request', 'has a JSON body but the operation takes none');
        } else {
            const validate = compile(requestSchema);
            if (!validate(exchange.requestBody))
                for (const message of mostSpecific(describeAjvErrors(validate.errors, 'request')))
                    report(operationId, message.split(':')[0],
                           message.split(': ').slice(1).join(': '));
        }
        if ((headers['content-type'] || '').split(';')[0].trim() !== 'application/json')
            report(operationId, 'header.content-type',
                   `"${headers['content-type'] || ''}" for a JSON body`);
    } else if (exchange.requestBodyKind === 'bytes') {
        report(operationId, 'request', 'body is not JSON');
    } else if (requestBody?.required) {
        report(operationId, 'request', 'required body missing');
    }

    // Response.
    const status = String(exchange.status);
    if (exchange.status === 0) return operationId;  // no answer (a fault): nothing to check
    if (exchange.status === 304) {
        // Any conditional GET may be answered 304 (GitHub's docs on conditional requests).
        if (!headers['if-none-match'])
            report(operationId, 'response.304', 'answer to a request without If-None-Match');
        if (exchange.responseBodyKind !== 'empty') report(operationId, 'response.304', 'has a body');
        return operationId;
    }
    let response = resolveReference(operation.responses[status]);
    let documented = Boolean(response);
    if (!response && exchange.status >= 400) {
        // GitHub answers any operation with 401/403/404/422/5xx in its error shape even where
        // the description does not list the status.
        response = {
            content: {
                'application/json': {
                    schema: { $ref: exchange.status === 422
                        ? '#/components/schemas/validation-error'
                        : '#/components/schemas/basic-error' },
                },
            },
        };
        documented = true;
    }
    if (!documented && operation.responses.default) response = resolveReference(
        operation.responses.default);
    if (!response) {
        report(operationId, `response.${status}`,
               `status not documented (documented: ${Object.keys(operation.responses).join(', ')})`);
        return operationId;
    }
    const responseSchema = response.content?.['application/json']?.schema;
    if (exchange.status === 304 || exchange.status === 204) {
        if (exchange.responseBodyKind !== 'empty')
            report(operationId, `response.${status}`, 'has a body');
        return operationId;
    }
    if (responseSchema) {
        if (exchange.responseBodyKind !== 'json') {
            report(operationId, `response.${status}`,
                   `expected a JSON body, got ${exchange.responseBodyKind}`);
        } else {
            const contentType = (exchange.responseContentType || '').split(';')[0].trim();
            if (contentType !== 'application/json')
                report(operationId, `response.${status}.content-type`,
                       `"${exchange.responseContentType || ''}" for a JSON body`);
            const validate = compile(responseSchema);
            if (!validate(exchange.responseBody))
                for (const message of mostSpecific(
                         describeAjvErrors(validate.errors, `response.${status}`)))
                    report(operationId, message.split(':')[0],
                           message.split(': ').slice(1).join(': '));
        }
    } else if (exchange.responseBodyKind === 'json' && exchange.status < 300) {
        report(operationId, `response.${status}`, 'has a JSON body the operation does not document');
    }
    return operationId;
}

// ---------------------------------------------------------------------------------------------
// GitLab and anaconda.org: shape fixtures. Each endpoint: service, method, path pattern
// (":name" is one segment, "*name" the rest), the query parameters it takes, and per status
// the body kind ("object", "array" of objects, "bytes") and its fields: "name" or
// "nested.name" or "list[].name" → type ("string", "integer", "number", "boolean", "object",
// "array", "string[]", "datetime", "date"), "|null" when nullable, "?" after the name when
// the field may be absent.

const shapes = options.shapes ? JSON.parse(fs.readFileSync(options.shapes, 'utf8')) : null;

function shapePatternRegex(pattern) {
    const names = [];
    const source = pattern.split('/').map(segment => {
        if (segment.startsWith(':')) { names.push(segment.slice(1)); return '([^/]+)'; }
        if (segment.startsWith('*')) { names.push(segment.slice(1)); return '(.+)'; }
        return segment.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    }).join('/');
    return { regex: new RegExp(`^${source}$`), names };
}

const shapeEndpoints = shapes ? shapes.endpoints.map(endpoint => ({
    ...endpoint, ...shapePatternRegex(endpoint.path),
    literals: endpoint.path.split('/').filter(s => s && !/^[:*]/.test(s)).length,
})) : [];

function matchShape(exchange) {
    let best = null;
    for (const endpoint of shapeEndpoints) {
        if (endpoint.service !== exchange.service || endpoint.method !== exchange.method) continue;
        if (endpoint.regex.test(exchange.path) && (!best || endpoint.literals > best.literals))
            best = endpoint;
    }
    return best;
}

const kDateTime = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2}| UTC)?$/;
const kDate = /^\d{4}-\d{2}-\d{2}$/;

function typeMatches(value, type) {
    switch (type) {
    case 'null': return value === null;
    case 'string': return typeof value === 'string';
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    case 'boolean': return typeof value === 'boolean';
    case 'object': return value !== null && typeof value === 'object' && !Array.isArray(value);
    case 'array': return Array.isArray(value);
    case 'string[]': return Array.isArray(value) && value.every(item => typeof item === 'string');
    case 'datetime': return typeof value === 'string' && kDateTime.test(value);
    case 'date': return typeof value === 'string' && kDate.test(value);
    default: throw new Error(`unknown shape type ${type}`);
    }
}

// Every value at a dotted path ("a.b", "list[].c"), with its concrete JSON path.
function valuesAt(object, fieldPath, where) {
    const [head, ...rest] = fieldPath.split('.');
    const listed = head.endsWith('[]');
    const name = listed ? head.slice(0, -2) : head;
    if (object === null || typeof object !== 'object' || !(name in object))
        return [{ where: `${where}/${name}`, missing: true }];
    const value = object[name];
    if (rest.length === 0) return [{ where: `${where}/${name}`, value }];
    if (listed) {
        if (!Array.isArray(value)) return [{ where: `${where}/${name}`, value, notList: true }];
        return value.flatMap((item, i) => valuesAt(item, rest.join('.'), `${where}/${name}/${i}`));
    }
    if (value === null) return [];  // a nullable parent: nothing below to check
    return valuesAt(value, rest.join('.'), `${where}/${name}`);
}

function checkShapeObject(object, fields, where, name, report) {
    for (const [field, typeSpec] of Object.entries(fields)) {
        const optional = field.endsWith('?');
        const fieldPath = optional ? field.slice(0, -1) : field;
        const types = typeSpec.split('|');
        for (const found of valuesAt(object, fieldPath, where)) {
            if (found.missing) {
                if (!optional) report(name, found.where, `missing (documented as ${typeSpec})`);
            } else if (found.notList) {
                report(name, found.where, 'is not a list');
            } else if (!types.some(type => typeMatches(found.value, type))) {
                report(name, found.where,
                       `${JSON.stringify(found.value)?.slice(0, 60)} is not ${typeSpec}`);
            }
        }
    }
}

function checkShape(exchange, report) {
    const endpoint = matchShape(exchange);
    if (!endpoint) {
        report(`${exchange.method} ${exchange.path}`, 'path', `no ${exchange.service} shape fixture`);
        return null;
    }
    const name = endpoint.name;
    const query = new URLSearchParams(exchange.query || '');
    for (const [parameter, raw] of query) {
        const type = endpoint.query?.[parameter];
        if (!type) report(name, `query.${parameter}`, 'not a documented parameter');
        else if (type === 'integer' && !/^\d+$/.test(raw))
            report(name, `query.${parameter}`, `"${raw}" is not an integer`);
    }
    if (exchange.status === 0) return name;
    const status = String(exchange.status);
    if (exchange.status === 304) {
        if (!(exchange.requestHeaders || {})['if-none-match'])
            report(name, 'response.304', 'answer to a request without If-None-Match');
        if (exchange.responseBodyKind !== 'empty') report(name, 'response.304', 'has a body');
        return name;
    }
    const response = endpoint.responses[status] ??
        (exchange.status >= 400 ? shapes.errorResponses[exchange.service] : undefined);
    if (!response) {
        report(name, `response.${status}`, 'status not documented');
        return name;
    }
    if (response.body === 'bytes' || response.body === 'empty') return name;
    if (exchange.responseBodyKind !== 'json') {
        report(name, `response.${status}`, `expected JSON, got ${exchange.responseBodyKind}`);
        return name;
    }
    const body = exchange.responseBody;
    if (response.body === 'array') {
        if (!Array.isArray(body)) report(name, `response.${status}`, 'is not a list');
        else body.forEach((item, i) =>
            checkShapeObject(item, response.fields, `response.${status}/${i}`, name, report));
    } else if (response.body === 'object') {
        if (!typeMatches(body, 'object')) report(name, `response.${status}`, 'is not an object');
        else checkShapeObject(body, response.fields, `response.${status}`, name, report);
    } else if (response.body === 'anyOf') {
        const passing = response.alternatives.some(fields => {
            let failed = false;
            checkShapeObject(body, fields, '', name, () => { failed = true; });
            return !failed;
        });
        if (!passing)
            report(name, `response.${status}`,
                   `matches none of the documented error shapes: ${JSON.stringify(body)}`);
    }
    return name;
}

// ---------------------------------------------------------------------------------------------
// GitHub GraphQL (https://docs.github.com/graphql/guides/forming-calls-with-graphql): outside
// the REST description. A POST of {"query": string, "variables"?: object}; the answer 200 with
// "data" and/or "errors" (each error a "message", optionally "type", "path", "locations"), or
// a REST-style basic error (401 without a token or with bad credentials).

const kGraphqlRequest = {
    type: 'object', required: ['query'], additionalProperties: false,
    properties: {
        query: { type: 'string', minLength: 1 },
        variables: { type: ['object', 'null'] },
        operationName: { type: ['string', 'null'] },
    },
};
const kGraphqlResponse = {
    type: 'object', additionalProperties: false,
    anyOf: [{ required: ['data'] }, { required: ['errors'] }],
    properties: {
        data: { type: ['object', 'null'] },
        errors: {
            type: 'array', minItems: 1,
            items: {
                type: 'object', required: ['message'],
                properties: {
                    message: { type: 'string' },
                    type: { type: 'string' },
                    path: { type: 'array' },
                    locations: { type: 'array' },
                    extensions: { type: 'object' },
                },
            },
        },
        extensions: { type: 'object' },
    },
};

function checkGraphql(exchange, report) {
    const name = 'graphql';
    if (exchange.method !== 'POST') report(name, 'method', `${exchange.method} is not POST`);
    if (exchange.query) report(name, 'query', 'GraphQL takes no query parameters');
    const headers = exchange.requestHeaders || {};
    if (exchange.requestBodyKind !== 'json') {
        report(name, 'request', `body is ${exchange.requestBodyKind}, not JSON`);
    } else {
        const validate = compile(kGraphqlRequest);
        if (!validate(exchange.requestBody))
            for (const message of describeAjvErrors(validate.errors, 'request'))
                report(name, message.split(':')[0], message.split(': ').slice(1).join(': '));
        if ((headers['content-type'] || '').split(';')[0].trim() !== 'application/json')
            report(name, 'header.content-type', `"${headers['content-type'] || ''}" for a JSON body`);
    }
    if (exchange.status === 0) return name;
    const status = String(exchange.status);
    if (exchange.responseBodyKind !== 'json') {
        report(name, `response.${status}`, `expected JSON, got ${exchange.responseBodyKind}`);
        return name;
    }
    const schema = exchange.status === 200 ? kGraphqlResponse
        : exchange.status >= 400 ? { $ref: 'github#/definitions/basic-error' } : null;
    if (!schema) {
        report(name, `response.${status}`, 'status not documented (documented: 200, errors)');
        return name;
    }
    const validate = compile(schema);
    if (!validate(exchange.responseBody))
        for (const message of mostSpecific(describeAjvErrors(validate.errors, `response.${status}`)))
            report(name, message.split(':')[0], message.split(': ').slice(1).join(': '));
    return name;
}

// ---------------------------------------------------------------------------------------------

const exchanges = options.files.flatMap(file => fs.readFileSync(file, 'utf8')
    .split('\n').filter(line => line.trim() !== '')
    .map((line, index) => ({ ...JSON.parse(line), line: index + 1, file })));

const violations = [];
const operations = new Set();
const violationsPerExchange = new Map();
let checked = 0;
for (const exchange of exchanges) {
    const report = (operation, where, what) => {
        violations.push(`${operation} ${where}: ${what} ` +
                        `[${exchange.method} ${exchange.path}${exchange.query ? '?' + exchange.query : ''} ` +
                        `→ ${exchange.status}, ${path.basename(exchange.file)}:${exchange.line}]`);
        violationsPerExchange.set(exchange, (violationsPerExchange.get(exchange) || 0) + 1);
    };
    let operation = null;
    if (exchange.service === 'github') operation = checkGitHub(exchange, report);
    else if (exchange.service === 'github-graphql') operation = checkGraphql(exchange, report);
    else if (exchange.service === 'gitlab' || exchange.service === 'anaconda') {
        if (!shapes) continue;
        operation = checkShape(exchange, report);
    } else continue;  // the "other host" (blob storage) is not an API
    ++checked;
    if (operation) operations.add(`${exchange.service}:${operation}`);
}

const summary = `${checked} exchanges, ${operations.size} operations checked, ` +
    `${violations.length} violations (@octokit/openapi ${specVersion})`;

if (options.expect) {
    // Self-test: each expected line must be found, and every exchange must have failed.
    const expected = fs.readFileSync(options.expect, 'utf8').split('\n')
        .map(line => line.trim()).filter(line => line && !line.startsWith('#'));
    let failures = 0;
    for (const needle of expected) {
        if (!violations.some(violation => violation.includes(needle))) {
            console.log(`MISSED expected violation: ${needle}`);
            ++failures;
        }
    }
    for (const exchange of exchanges) {
        if (!violationsPerExchange.has(exchange)) {
            console.log(`MISSED: no violation for ${exchange.method} ${exchange.path} ` +
                        `(line ${exchange.line})`);
            ++failures;
        }
    }
    violations.forEach(violation => console.log(`found: ${violation}`));
    console.log(`self-test: ${summary}; ${expected.length} expected, ${failures} missed`);
    process.exit(failures === 0 ? 0 : 1);
}

violations.forEach(violation => console.log(violation));
console.log(summary);
console.log('operations: ' + [...operations].sort().join(', '));
process.exit(violations.length === 0 && checked > 0 ? 0 : 1);
