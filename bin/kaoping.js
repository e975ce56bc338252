#!/usr/bin/env node
// Runs the TypeScript entry through tsx, so `npx kaoping` works straight from the package.
import { register } from "tsx/esm/api";

register();
await import("./kaoping.ts");
