#!/usr/bin/env node
'use strict';
require('./runtime').ensureSupportedRuntime();
require('./register');
require('../src/cli/main.ts');
