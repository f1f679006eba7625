package modules

import "github.com/dop251/goja"

func tv4Natives(st *runtimeState) *goja.Object { return st.rt.NewObject() }
