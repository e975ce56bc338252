/**
 * The Functions app's entry (package.json "main" points at its build, dist/functions/index.js):
 * importing it registers every function with app.http.
 */
import "./operations.ts";
import "./preflight.ts";
