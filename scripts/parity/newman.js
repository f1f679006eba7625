// Runs corpus collections with Newman as a library, one after the other in
// this one process, because starting the Newman CLI once per collection
// costs a second or two each. Called by scripts/parity/main.go:
//
//   node newman.js <newman package dir> <jobs.json>
//
// jobs.json is an array of {name, collection, report, args}; args are the
// Newman CLI flags the corpus uses (-e, -g, -d, -n, --env-var, --global-var),
// translated here to newman.run options exactly as the CLI does. Each job
// prints "start <name>" and "done <name>" on stdout. A collection that
// makes Newman crash (an unhandled promise rejection in a script kills the
// CLI too) takes this process down; the caller sees which one was started
// and not done, records the crash and runs the rest in a new process.
'use strict';

const fs = require('fs');
const newman = require(process.argv[2]);
const jobs = JSON.parse(fs.readFileSync(process.argv[3], 'utf8'));

function options (job) {
    const o = {
        collection: job.collection,
        reporters: ['json'],
        reporter: { json: { export: job.report } },
        envVar: [],
        globalVar: []
    };
    const a = job.args;
    for (let i = 0; i < a.length; i++) {
        const flag = a[i], value = a[i + 1];
        const keyVal = () => {
            const eq = value.indexOf('=');
            return { key: value.slice(0, eq), value: value.slice(eq + 1) };
        };
        switch (flag) {
            case '-e': case '--environment': o.environment = value; break;
            case '-g': case '--globals': o.globals = value; break;
            case '-d': case '--iteration-data': o.iterationData = value; break;
            case '-n': case '--iteration-count': o.iterationCount = Number(value); break;
            case '--env-var': o.envVar.push(keyVal()); break;
            case '--global-var': o.globalVar.push(keyVal()); break;
            default: throw new Error(job.name + ': flag not supported by the parity driver: ' + flag);
        }
        i++;
    }
    return o;
}

function next (i) {
    if (i >= jobs.length) {
        return;
    }
    const job = jobs[i];
    console.log('start ' + job.name);
    newman.run(options(job), function (err) {
        if (err) {
            // A run that could not start (bad file, bad option) writes no
            // report; the caller reports the missing report.
            console.error(job.name + ': ' + (err.stack || err));
        }
        console.log('done ' + job.name);
        next(i + 1);
    });
}

next(0);
