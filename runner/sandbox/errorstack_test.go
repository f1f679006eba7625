package sandbox

import "testing"

// TestCaptureStackTrace checks Error.captureStackTrace, which custom error
// classes copied from Node code call in their constructors, against what
// Newman 6.2.2's sandbox gives: a non-enumerable stack beginning
// "Error: <message>", and the error thrown from a pm.test reported under
// the class's name.
func TestCaptureStackTrace(t *testing.T) {
	t.Parallel()
	const classes = `
class ValidationError extends Error {
  constructor(m) { super(m); this.name = 'ValidationError'; Error.captureStackTrace(this, this.constructor); }
}
function ApiError(message, status) {
  this.name = 'ApiError'; this.message = message; this.status = status;
  if (Error.captureStackTrace) { Error.captureStackTrace(this, ApiError); } else { this.stack = (new Error()).stack; }
}
ApiError.prototype = Object.create(Error.prototype);
ApiError.prototype.constructor = ApiError;
`
	tests := []struct {
		name, src string
		logs      []string
		outcomes  []outcome
	}{
		{
			name: "class",
			src:  `var v = new ValidationError('bad field'); console.log(v.stack.split('\n')[0], v.name, v.message, JSON.stringify(Object.keys(v)));`,
			logs: []string{"Error: bad field | ValidationError | bad field | [\"name\"]"},
		},
		{
			name: "constructor function",
			src:  `var e = new ApiError('bad status', 500); console.log(typeof e.stack, e.stack.split('\n')[0], e instanceof Error, String(e), JSON.stringify(Object.keys(e)));`,
			logs: []string{`string | Error: bad status | true | ApiError: bad status | ["name","message","status"]`},
		},
		{
			name: "plain object",
			src:  `var o = {}; Error.captureStackTrace(o); console.log(typeof o.stack, o.stack.split('\n')[0], Object.keys(o).length);`,
			logs: []string{"string | Error: undefined | 0"},
		},
		{
			name: "not an object",
			src:  `try { Error.captureStackTrace(1); console.log('no throw'); } catch (x) { console.log(x.name, x.message); } console.log(Error.stackTraceLimit);`,
			logs: []string{"TypeError | invalid_argument", "10"},
		},
		{
			name:     "thrown from tests",
			src:      `pm.test('custom error thrown', function () { throw new ValidationError('field x missing'); }); pm.test('api error thrown', function () { throw new ApiError('bad status', 500); });`,
			outcomes: []outcome{{Name: "custom error thrown", Err: "ValidationError: field x missing"}, {Name: "api error thrown", Err: "ApiError: bad status"}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			res := run(t, newExec("test"), classes+tt.src)
			if res.Error != nil {
				t.Fatalf("script error: %v", res.Error)
			}
			diff(t, "logs", tt.logs, logs(res))
			diff(t, "assertions", tt.outcomes, outcomes(res))
		})
	}
}
