package modules

import "github.com/dop251/goja"

// chaiModule stands in until the sandbox's chai package (runner/sandbox/
// chai, chai.Install) lands; require('chai') then maps to it.
func chaiModule(st *runtimeState) *goja.Object {
	st.throwError("chai is not available", "")
	return nil
}
