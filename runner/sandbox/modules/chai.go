package modules

import (
	"github.com/colrun/colrun/runner/sandbox/chai"
	"github.com/dop251/goja"
)

// chaiModule is require('chai'): the sandbox's chai 4 compatible library
// (with chai-postman), the same object pm.expect is built on, so plugins
// registered with chai.use() apply to both.
func chaiModule(st *runtimeState) *goja.Object {
	m, err := chai.Install(st.rt)
	if err != nil {
		st.throwError("chai is not available: "+err.Error(), "")
	}
	return m
}
