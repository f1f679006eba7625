package modules

import (
	"encoding/json"
	"testing"

	"github.com/dop251/goja"
	"github.com/google/go-cmp/cmp"
)

// ajvHarness runs a case body as testdata/gen_ajv.js does under node.
const ajvHarness = `(function (src) {
  try {
    return JSON.stringify(new Function('Ajv', src)(require('ajv')));
  } catch (e) {
    return JSON.stringify({ throws: e.message });
  }
})`

// ajvCases were recorded from ajv 6.12.5 (the version postman-sandbox
// 4.7.1 in Newman 6.2.2 bundles) by testdata/gen_ajv.js: a script body and
// the JSON of what it returned.
var ajvCases = []struct{ name, src, want string }{
	{"valid object", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"object","required":["id"],"properties":{"id":{"type":"integer"}}}, {"id":1}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"type and required", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"},"name":{"type":"string"}}}, {"id":"x"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":".id","schemaPath":"#/properties/id/type","params":{"type":"integer"},"message":"should be integer"},{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"name"},"message":"should have required property 'name'"}],"text":"data.id should be integer, data should have required property 'name'"}`},
	{"first error only", `var ajv = new Ajv({"allErrors":false}); var valid = ajv.validate({"type":"object","required":["id","name"],"properties":{"id":{"type":"integer"}}}, {"id":"x"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":".name"},"message":"should have required property '.name'"}],"text":"data should have required property '.name'"}`},
	{"default options", `var ajv = new Ajv({}); var valid = ajv.validate({"required":["a","b"]}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":".a"},"message":"should have required property '.a'"}],"text":"data should have required property '.a'"}`},
	{"top type", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"string","minLength":2}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"string"},"message":"should be string"}],"text":"data should be string"}`},
	{"type list", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":["string","null"]}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"string,null"},"message":"should be string,null"}],"text":"data should be string,null"}`},
	{"integer", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"integer","minimum":3}, 2.5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"integer"},"message":"should be integer"},{"keyword":"minimum","dataPath":"","schemaPath":"#/minimum","params":{"comparison":">=","limit":3,"exclusive":false},"message":"should be >= 3"}],"text":"data should be integer, data should be >= 3"}`},
	{"number limits", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":{"maximum":5},"b":{"exclusiveMaximum":5},"c":{"minimum":1},"d":{"exclusiveMinimum":1},"e":{"multipleOf":0.1},"f":{"multipleOf":3}}}, {"a":6,"b":5,"c":0,"d":1,"e":0.3,"f":7}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"maximum","dataPath":".a","schemaPath":"#/properties/a/maximum","params":{"comparison":"<=","limit":5,"exclusive":false},"message":"should be <= 5"},{"keyword":"exclusiveMaximum","dataPath":".b","schemaPath":"#/properties/b/exclusiveMaximum","params":{"comparison":"<","limit":5,"exclusive":true},"message":"should be < 5"},{"keyword":"minimum","dataPath":".c","schemaPath":"#/properties/c/minimum","params":{"comparison":">=","limit":1,"exclusive":false},"message":"should be >= 1"},{"keyword":"exclusiveMinimum","dataPath":".d","schemaPath":"#/properties/d/exclusiveMinimum","params":{"comparison":">","limit":1,"exclusive":true},"message":"should be > 1"},{"keyword":"multipleOf","dataPath":".e","schemaPath":"#/properties/e/multipleOf","params":{"multipleOf":0.1},"message":"should be multiple of 0.1"},{"keyword":"multipleOf","dataPath":".f","schemaPath":"#/properties/f/multipleOf","params":{"multipleOf":3},"message":"should be multiple of 3"}],"text":"data.a should be <= 5, data.b should be < 5, data.c should be >= 1, data.d should be > 1, data.e should be multiple of 0.1, data.f should be multiple of 3"}`},
	{"string limits", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":{"maxLength":2},"b":{"minLength":3},"c":{"pattern":"^[a-z]+$"},"d":{"minLength":2,"maxLength":2}}}, {"a":"abc","b":"ab","c":"A1","d":"😀😀"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"maxLength","dataPath":".a","schemaPath":"#/properties/a/maxLength","params":{"limit":2},"message":"should NOT be longer than 2 characters"},{"keyword":"minLength","dataPath":".b","schemaPath":"#/properties/b/minLength","params":{"limit":3},"message":"should NOT be shorter than 3 characters"},{"keyword":"pattern","dataPath":".c","schemaPath":"#/properties/c/pattern","params":{"pattern":"^[a-z]+$"},"message":"should match pattern \"^[a-z]+$\""}],"text":"data.a should NOT be longer than 2 characters, data.b should NOT be shorter than 3 characters, data.c should match pattern \"^[a-z]+$\""}`},
	{"formats", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"email":{"format":"email"},"dt":{"format":"date-time"},"d":{"format":"date"},"u":{"format":"uuid"},"ip":{"format":"ipv4"},"uri":{"format":"uri"},"h":{"format":"hostname"},"ok":{"format":"email"}}}, {"email":"nope","dt":"2020-01-01","d":"2020-13-45x","u":"123","ip":"256.1.1.1","uri":"foo","h":"-bad","ok":"a@b.co"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"format","dataPath":".email","schemaPath":"#/properties/email/format","params":{"format":"email"},"message":"should match format \"email\""},{"keyword":"format","dataPath":".dt","schemaPath":"#/properties/dt/format","params":{"format":"date-time"},"message":"should match format \"date-time\""},{"keyword":"format","dataPath":".d","schemaPath":"#/properties/d/format","params":{"format":"date"},"message":"should match format \"date\""},{"keyword":"format","dataPath":".u","schemaPath":"#/properties/u/format","params":{"format":"uuid"},"message":"should match format \"uuid\""},{"keyword":"format","dataPath":".ip","schemaPath":"#/properties/ip/format","params":{"format":"ipv4"},"message":"should match format \"ipv4\""},{"keyword":"format","dataPath":".uri","schemaPath":"#/properties/uri/format","params":{"format":"uri"},"message":"should match format \"uri\""},{"keyword":"format","dataPath":".h","schemaPath":"#/properties/h/format","params":{"format":"hostname"},"message":"should match format \"hostname\""}],"text":"data.email should match format \"email\", data.dt should match format \"date-time\", data.d should match format \"date\", data.u should match format \"uuid\", data.ip should match format \"ipv4\", data.uri should match format \"uri\", data.h should match format \"hostname\""}`},
	{"format ignores non-strings", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"format":"email"}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"array limits", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"array","minItems":3,"maxItems":1,"uniqueItems":true}, [1,2,1]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"maxItems","dataPath":"","schemaPath":"#/maxItems","params":{"limit":1},"message":"should NOT have more than 1 items"},{"keyword":"uniqueItems","dataPath":"","schemaPath":"#/uniqueItems","params":{"i":2,"j":0},"message":"should NOT have duplicate items (items ## 0 and 2 are identical)"}],"text":"data should NOT have more than 1 items, data should NOT have duplicate items (items ## 0 and 2 are identical)"}`},
	{"unique objects", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"uniqueItems":true}, [{"a":1},{"a":2},{"a":1},{"a":2}]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"uniqueItems","dataPath":"","schemaPath":"#/uniqueItems","params":{"i":3,"j":1},"message":"should NOT have duplicate items (items ## 1 and 3 are identical)"}],"text":"data should NOT have duplicate items (items ## 1 and 3 are identical)"}`},
	{"unique typed", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"items":{"type":"number"},"uniqueItems":true}, [1,2,1,2]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"uniqueItems","dataPath":"","schemaPath":"#/uniqueItems","params":{"i":1,"j":3},"message":"should NOT have duplicate items (items ## 3 and 1 are identical)"}],"text":"data should NOT have duplicate items (items ## 3 and 1 are identical)"}`},
	{"items schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"array","items":{"type":"object","required":["id"],"properties":{"id":{"type":"string"}}}}, [{"id":"a"},{},{"id":2}]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"[1]","schemaPath":"#/items/required","params":{"missingProperty":"id"},"message":"should have required property 'id'"},{"keyword":"type","dataPath":"[2].id","schemaPath":"#/items/properties/id/type","params":{"type":"string"},"message":"should be string"}],"text":"data[1] should have required property 'id', data[2].id should be string"}`},
	{"items tuple", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"items":[{"type":"string"},{"type":"number"}],"additionalItems":false}, ["a","b",3]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"additionalItems","dataPath":"","schemaPath":"#/additionalItems","params":{"limit":2},"message":"should NOT have more than 2 items"},{"keyword":"type","dataPath":"[1]","schemaPath":"#/items/1/type","params":{"type":"number"},"message":"should be number"}],"text":"data should NOT have more than 2 items, data[1] should be number"}`},
	{"additionalItems schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"items":[{"type":"string"}],"additionalItems":{"type":"number"}}, ["a","b",3,"c"]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"[1]","schemaPath":"#/additionalItems/type","params":{"type":"number"},"message":"should be number"},{"keyword":"type","dataPath":"[3]","schemaPath":"#/additionalItems/type","params":{"type":"number"},"message":"should be number"}],"text":"data[1] should be number, data[3] should be number"}`},
	{"contains", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"contains":{"type":"string"}}, [1,2]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"[0]","schemaPath":"#/contains/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"[1]","schemaPath":"#/contains/type","params":{"type":"string"},"message":"should be string"},{"keyword":"contains","dataPath":"","schemaPath":"#/contains","params":{},"message":"should contain a valid item"}],"text":"data[0] should be string, data[1] should be string, data should contain a valid item"}`},
	{"additionalProperties false", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":{}},"additionalProperties":false}, {"a":1,"b":2,"c d":3}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"additionalProperties","dataPath":"","schemaPath":"#/additionalProperties","params":{"additionalProperty":"b"},"message":"should NOT have additional properties"},{"keyword":"additionalProperties","dataPath":"","schemaPath":"#/additionalProperties","params":{"additionalProperty":"c d"},"message":"should NOT have additional properties"}],"text":"data should NOT have additional properties, data should NOT have additional properties"}`},
	{"additionalProperties schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":{}},"patternProperties":{"^x":{"type":"string"}},"additionalProperties":{"type":"number"}}, {"a":1,"xb":2,"y":"s","z":3}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"['y']","schemaPath":"#/additionalProperties/type","params":{"type":"number"},"message":"should be number"},{"keyword":"type","dataPath":"['xb']","schemaPath":"#/patternProperties/%5Ex/type","params":{"type":"string"},"message":"should be string"}],"text":"data['y'] should be number, data['xb'] should be string"}`},
	{"property paths", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"with space":{"type":"string"},"it's":{"type":"string"},"a-b":{"properties":{"0":{"type":"string"}}}}}, {"with space":1,"it's":2,"a-b":{"0":3}}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"['with space']","schemaPath":"#/properties/with%20space/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"['it\\'s']","schemaPath":"#/properties/it's/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"['a-b']['0']","schemaPath":"#/properties/a-b/properties/0/type","params":{"type":"string"},"message":"should be string"}],"text":"data['with space'] should be string, data['it\\'s'] should be string, data['a-b']['0'] should be string"}`},
	{"enum const", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"e":{"enum":["a","b",{"c":1}]},"c":{"const":"x"},"ok":{"enum":[{"c":1}]}}}, {"e":"z","c":"y","ok":{"c":1}}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"enum","dataPath":".e","schemaPath":"#/properties/e/enum","params":{"allowedValues":["a","b",{"c":1}]},"message":"should be equal to one of the allowed values"},{"keyword":"const","dataPath":".c","schemaPath":"#/properties/c/const","params":{"allowedValue":"x"},"message":"should be equal to constant"}],"text":"data.e should be equal to one of the allowed values, data.c should be equal to constant"}`},
	{"not", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"not":{"type":"string"}}, "s"); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"not","dataPath":"","schemaPath":"#/not","params":{},"message":"should NOT be valid"}],"text":"data should NOT be valid"}`},
	{"anyOf", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"anyOf":[{"type":"string"},{"type":"number","minimum":10}]}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"","schemaPath":"#/anyOf/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"minimum","dataPath":"","schemaPath":"#/anyOf/1/minimum","params":{"comparison":">=","limit":10,"exclusive":false},"message":"should be >= 10"},{"keyword":"anyOf","dataPath":"","schemaPath":"#/anyOf","params":{},"message":"should match some schema in anyOf"}],"text":"data should be string, data should be >= 10, data should match some schema in anyOf"}`},
	{"oneOf none", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"oneOf":[{"type":"string"},{"type":"boolean"}]}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"","schemaPath":"#/oneOf/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"","schemaPath":"#/oneOf/1/type","params":{"type":"boolean"},"message":"should be boolean"},{"keyword":"oneOf","dataPath":"","schemaPath":"#/oneOf","params":{"passingSchemas":null},"message":"should match exactly one schema in oneOf"}],"text":"data should be string, data should be boolean, data should match exactly one schema in oneOf"}`},
	{"oneOf two", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"oneOf":[{"type":"number"},{"minimum":1}]}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"oneOf","dataPath":"","schemaPath":"#/oneOf","params":{"passingSchemas":[0,1]},"message":"should match exactly one schema in oneOf"}],"text":"data should match exactly one schema in oneOf"}`},
	{"allOf", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"allOf":[{"type":"number"},{"minimum":10},{"maximum":1}]}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"minimum","dataPath":"","schemaPath":"#/allOf/1/minimum","params":{"comparison":">=","limit":10,"exclusive":false},"message":"should be >= 10"},{"keyword":"maximum","dataPath":"","schemaPath":"#/allOf/2/maximum","params":{"comparison":"<=","limit":1,"exclusive":false},"message":"should be <= 1"}],"text":"data should be >= 10, data should be <= 1"}`},
	{"if then", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"if":{"properties":{"a":{"const":1}}},"then":{"required":["b"]},"else":{"required":["c"]}}, {"a":1}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/then/required","params":{"missingProperty":"b"},"message":"should have required property 'b'"},{"keyword":"if","dataPath":"","schemaPath":"#/if","params":{"failingKeyword":"then"},"message":"should match \"then\" schema"}],"text":"data should have required property 'b', data should match \"then\" schema"}`},
	{"if else", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"if":{"properties":{"a":{"const":1}}},"then":{"required":["b"]},"else":{"required":["c"]}}, {"a":2}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/else/required","params":{"missingProperty":"c"},"message":"should have required property 'c'"},{"keyword":"if","dataPath":"","schemaPath":"#/if","params":{"failingKeyword":"else"},"message":"should match \"else\" schema"}],"text":"data should have required property 'c', data should match \"else\" schema"}`},
	{"ref definitions", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"definitions":{"id":{"type":"integer","minimum":1}},"properties":{"a":{"$ref":"#/definitions/id"},"b":{"$ref":"#/definitions/id"}}}, {"a":0,"b":"x"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"minimum","dataPath":".a","schemaPath":"#/definitions/id/minimum","params":{"comparison":">=","limit":1,"exclusive":false},"message":"should be >= 1"},{"keyword":"type","dataPath":".b","schemaPath":"#/definitions/id/type","params":{"type":"integer"},"message":"should be integer"}],"text":"data.a should be >= 1, data.b should be integer"}`},
	{"recursive ref", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"object","properties":{"n":{"type":"number"},"child":{"$ref":"#"}}}, {"child":{"child":{"n":"x"}}}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":".child.child.n","schemaPath":"#/properties/n/type","params":{"type":"number"},"message":"should be number"}],"text":"data.child.child.n should be number"}`},
	{"ref with id", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"$id":"http://x.com/root.json","definitions":{"p":{"$id":"#pos","minimum":0}},"items":{"$ref":"#pos"}}, [1,-1]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"minimum","dataPath":"[1]","schemaPath":"#pos/minimum","params":{"comparison":">=","limit":0,"exclusive":false},"message":"should be >= 0"}],"text":"data[1] should be >= 0"}`},
	{"dependencies", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"dependencies":{"a":["b","c"],"d":{"required":["e"]}}}, {"a":1,"d":1}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"dependencies","dataPath":"","schemaPath":"#/dependencies","params":{"property":"a","missingProperty":"b","depsCount":2,"deps":"b, c"},"message":"should have properties b, c when property a is present"},{"keyword":"dependencies","dataPath":"","schemaPath":"#/dependencies","params":{"property":"a","missingProperty":"c","depsCount":2,"deps":"b, c"},"message":"should have properties b, c when property a is present"},{"keyword":"required","dataPath":"","schemaPath":"#/dependencies/d/required","params":{"missingProperty":"e"},"message":"should have required property 'e'"}],"text":"data should have properties b, c when property a is present, data should have properties b, c when property a is present, data should have required property 'e'"}`},
	{"propertyNames", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"propertyNames":{"maxLength":3}}, {"abc":1,"abcd":2,"abcde":3}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"maxLength","dataPath":"","schemaPath":"#/propertyNames/maxLength","params":{"limit":3},"message":"should NOT be longer than 3 characters","propertyName":"abcd"},{"keyword":"propertyNames","dataPath":"","schemaPath":"#/propertyNames","params":{"propertyName":"abcd"},"message":"property name 'abcd' is invalid"},{"keyword":"maxLength","dataPath":"","schemaPath":"#/propertyNames/maxLength","params":{"limit":3},"message":"should NOT be longer than 3 characters","propertyName":"abcde"},{"keyword":"propertyNames","dataPath":"","schemaPath":"#/propertyNames","params":{"propertyName":"abcde"},"message":"property name 'abcde' is invalid"}],"text":"data should NOT be longer than 3 characters, data property name 'abcd' is invalid, data should NOT be longer than 3 characters, data property name 'abcde' is invalid"}`},
	{"property counts", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":{"minProperties":2},"b":{"maxProperties":1}}}, {"a":{"x":1},"b":{"x":1,"y":2}}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"minProperties","dataPath":".a","schemaPath":"#/properties/a/minProperties","params":{"limit":2},"message":"should NOT have fewer than 2 properties"},{"keyword":"maxProperties","dataPath":".b","schemaPath":"#/properties/b/maxProperties","params":{"limit":1},"message":"should NOT have more than 1 properties"}],"text":"data.a should NOT have fewer than 2 properties, data.b should NOT have more than 1 properties"}`},
	{"false schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":false}}, {"a":1}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"false schema","dataPath":".a","schemaPath":"#/properties/a/false schema","params":{},"message":"boolean schema is false"}],"text":"data.a boolean schema is false"}`},
	{"true schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate(true, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"nested false", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"items":false}, [1]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"false schema","dataPath":"[0]","schemaPath":"#/items/false schema","params":{},"message":"boolean schema is false"}],"text":"data[0] boolean schema is false"}`},
	{"draft-07 meta", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"$schema":"http://json-schema.org/draft-07/schema#","type":"string"}, 1); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"string"},"message":"should be string"}],"text":"data should be string"}`},
	{"draft-06 meta", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"$schema":"http://json-schema.org/draft-06/schema#","type":"string"}, 1); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"throws":"no schema with key or ref \"http://json-schema.org/draft-06/schema#\""}`},
	{"draft-04 meta", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"$schema":"http://json-schema.org/draft-04/schema#","type":"string"}, 1); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"throws":"no schema with key or ref \"http://json-schema.org/draft-04/schema#\""}`},
	{"invalid schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"type":"strin"}, 1); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"throws":"schema is invalid: data.type should be equal to one of the allowed values, data.type should be array, data.type should match some schema in anyOf"}`},
	{"invalid schema 2", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":{"minimum":"1"}}}, 1); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"throws":"schema is invalid: data.properties['a'].minimum should be number"}`},
	{"unknown format", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a":{"format":"phone"}}}, {"a":"1"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"throws":"unknown format \"phone\" is used in schema at path \"#/properties/a\""}`},
	{"format false", `var ajv = new Ajv({"format":false}); var valid = ajv.validate({"format":"email"}, "x"); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"format full", `var ajv = new Ajv({"format":"full"}); var valid = ajv.validate({"format":"date"}, "2020-02-30"); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"date"},"message":"should match format \"date\""}],"text":"data should match format \"date\""}`},
	{"format fast date", `var ajv = new Ajv({}); var valid = ajv.validate({"format":"date"}, "2020-02-30"); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"unresolvable ref", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"$ref":"#/definitions/nope"}, 1); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"throws":"can't resolve reference #/definitions/nope from id #"}`},
	{"missing remote ref", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"$ref":"other.json"}, 1); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"throws":"can't resolve reference other.json from id #"}`},
	{"required in items not allErrors", `var ajv = new Ajv({}); var valid = ajv.validate({"items":{"required":["id"]}}, [{},{}]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"[0]","schemaPath":"#/items/required","params":{"missingProperty":".id"},"message":"should have required property '.id'"}],"text":"data[0] should have required property '.id'"}`},
	{"nested not allErrors", `var ajv = new Ajv({}); var valid = ajv.validate({"properties":{"a":{"type":"string"},"b":{"type":"string"}}}, {"a":1,"b":2}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":".a","schemaPath":"#/properties/a/type","params":{"type":"string"},"message":"should be string"}],"text":"data.a should be string"}`},
	{"anyOf not allErrors", `var ajv = new Ajv({}); var valid = ajv.validate({"anyOf":[{"type":"string"},{"required":["a","b"]}]}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"","schemaPath":"#/anyOf/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"required","dataPath":"","schemaPath":"#/anyOf/1/required","params":{"missingProperty":".a"},"message":"should have required property '.a'"},{"keyword":"anyOf","dataPath":"","schemaPath":"#/anyOf","params":{},"message":"should match some schema in anyOf"}],"text":"data should be string, data should have required property '.a', data should match some schema in anyOf"}`},
	{"multipleOf integer", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"multipleOf":2}, 7); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"multipleOf","dataPath":"","schemaPath":"#/multipleOf","params":{"multipleOf":2},"message":"should be multiple of 2"}],"text":"data should be multiple of 2"}`},
	{"exclusive both", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"maximum":5,"exclusiveMaximum":6}, 5.5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"maximum","dataPath":"","schemaPath":"#/maximum","params":{"comparison":"<=","limit":5,"exclusive":false},"message":"should be <= 5"}],"text":"data should be <= 5"}`},
	{"const object", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"const":{"a":[1,2]}}, {"a":[1,3]}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"const","dataPath":"","schemaPath":"#/const","params":{"allowedValue":{"a":[1,2]}},"message":"should be equal to constant"}],"text":"data should be equal to constant"}`},
	{"null and bool", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"n":{"type":"null"},"b":{"type":"boolean"}}}, {"n":0,"b":"true"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":".n","schemaPath":"#/properties/n/type","params":{"type":"null"},"message":"should be null"},{"keyword":"type","dataPath":".b","schemaPath":"#/properties/b/type","params":{"type":"boolean"},"message":"should be boolean"}],"text":"data.n should be null, data.b should be boolean"}`},
	{"escaped keys", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"properties":{"a'b":{"type":"string"}},"patternProperties":{"x":{"type":"string"}}}, {"a'b":1,"x'y":2}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"['a\\'b']","schemaPath":"#/properties/a'b/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"['x'y']","schemaPath":"#/patternProperties/x/type","params":{"type":"string"},"message":"should be string"}],"text":"data['a\\'b'] should be string, data['x'y'] should be string"}`},
	{"recursive definition", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"definitions":{"node":{"type":"object","properties":{"v":{"type":"string"},"next":{"$ref":"#/definitions/node"}}}},"$ref":"#/definitions/node"}, {"v":"a","next":{"v":1}}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":".next.v","schemaPath":"#/properties/v/type","params":{"type":"string"},"message":"should be string"}],"text":"data.next.v should be string"}`},
	{"oneOf three", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"oneOf":[{"type":"number"},{"minimum":1},{"type":"string"}]}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"oneOf","dataPath":"","schemaPath":"#/oneOf","params":{"passingSchemas":[0,1]},"message":"should match exactly one schema in oneOf"}],"text":"data should match exactly one schema in oneOf"}`},
	{"oneOf one passes", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"oneOf":[{"type":"string"},{"type":"number"}]}, 5); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"nested anyOf not allErrors", `var ajv = new Ajv({}); var valid = ajv.validate({"anyOf":[{"properties":{"a":{"type":"string"},"b":{"type":"string"}}},{"type":"string"}]}, {"a":1,"b":2}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":".a","schemaPath":"#/anyOf/0/properties/a/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"","schemaPath":"#/anyOf/1/type","params":{"type":"string"},"message":"should be string"},{"keyword":"anyOf","dataPath":"","schemaPath":"#/anyOf","params":{},"message":"should match some schema in anyOf"}],"text":"data.a should be string, data should be string, data should match some schema in anyOf"}`},
	{"required quoting", `var ajv = new Ajv({}); var valid = ajv.validate({"required":["a b","it's"]}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"['a b']"},"message":"should have required property '['a b']'"}],"text":"data should have required property '['a b']'"}`},
	{"required quoting allErrors", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"required":["a b","it's"]}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"a b"},"message":"should have required property 'a b'"},{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"it's"},"message":"should have required property 'it's'"}],"text":"data should have required property 'a b', data should have required property 'it's'"}`},
	{"dependencies not allErrors", `var ajv = new Ajv({}); var valid = ajv.validate({"dependencies":{"a":["b"]}}, {"a":1}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"dependencies","dataPath":"","schemaPath":"#/dependencies","params":{"property":"a","missingProperty":".b","depsCount":1,"deps":"b"},"message":"should have property b when property a is present"}],"text":"data should have property b when property a is present"}`},
	{"number keys in data", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"additionalProperties":false}, {"1":1,"b":2}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"additionalProperties","dataPath":"","schemaPath":"#/additionalProperties","params":{"additionalProperty":"1"},"message":"should NOT have additional properties"},{"keyword":"additionalProperties","dataPath":"","schemaPath":"#/additionalProperties","params":{"additionalProperty":"b"},"message":"should NOT have additional properties"}],"text":"data should NOT have additional properties, data should NOT have additional properties"}`},
	{"empty schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({}, {"any":"thing"}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"enum null", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"enum":[null,1]}, "x"); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"enum","dataPath":"","schemaPath":"#/enum","params":{"allowedValues":[null,1]},"message":"should be equal to one of the allowed values"}],"text":"data should be equal to one of the allowed values"}`},
	{"string minLength emoji", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"minLength":3}, "😀😀"); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"minLength","dataPath":"","schemaPath":"#/minLength","params":{"limit":3},"message":"should NOT be shorter than 3 characters"}],"text":"data should NOT be shorter than 3 characters"}`},
	{"contains passes", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"contains":{"type":"string"}}, [1,"a"]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":true,"errors":null,"text":"No errors"}`},
	{"required in properties order", `var ajv = new Ajv({}); var valid = ajv.validate({"required":["a b","c"],"properties":{"a b":{"type":"string"},"c":{"type":"string"}}}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"a b"},"message":"should have required property 'a b'"}],"text":"data should have required property 'a b'"}`},
	{"required in properties quoting", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"required":["it's"],"properties":{"it's":{"type":"string"}}}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"it's"},"message":"should have required property 'it's'"}],"text":"data should have required property 'it's'"}`},
	{"required split", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"required":["x","a"],"properties":{"a":{"type":"string"},"b":true}}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"x"},"message":"should have required property 'x'"},{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"a"},"message":"should have required property 'a'"}],"text":"data should have required property 'x', data should have required property 'a'"}`},
	{"required empty property schema", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"required":["x","b"],"properties":{"a":{"type":"string"},"b":{}}}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"x"},"message":"should have required property 'x'"},{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"b"},"message":"should have required property 'b'"}],"text":"data should have required property 'x', data should have required property 'b'"}`},
	{"pattern lookahead", `var ajv = new Ajv({"allErrors":true}); var valid = ajv.validate({"pattern":"^(?!admin)\\w+$"}, "admin1"); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"pattern","dataPath":"","schemaPath":"#/pattern","params":{"pattern":"^(?!admin)\\w+$"},"message":"should match pattern \"^(?!admin)\\w+$\""}],"text":"data should match pattern \"^(?!admin)\\w+$\""}`},
	{"compile and reuse", `var ajv = new Ajv({allErrors: true}); var v = ajv.compile({type: 'object', required: ['id']}); return [v({id: 1}), v.errors, v({}), v.errors, ajv.errors, ajv.compile({type: 'object', required: ['id']}) === v];`,
		`[true,null,false,[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"id"},"message":"should have required property 'id'"}],null,true]`},
	{"ajv without new", `var ajv = Ajv(); return ajv.validate({type: 'string'}, 1);`,
		`false`},
	{"errorsText options", `var ajv = new Ajv({allErrors: true}); ajv.validate({required: ['a', 'b']}, {}); return [ajv.errorsText(), ajv.errorsText(ajv.errors, {separator: '\n', dataVar: 'body'}), ajv.errorsText(null), ajv.errorsText([])];`,
		`["data should have required property 'a', data should have required property 'b'","body should have required property 'a'\nbody should have required property 'b'","data should have required property 'a', data should have required property 'b'",""]`},
	{"addSchema and ref", `var ajv = new Ajv({allErrors: true}); ajv.addSchema({$id: 'http://x.com/user.json', type: 'object', required: ['name']}); ajv.addSchema({definitions: {id: {type: 'integer'}}}, 'defs'); var ok = ajv.validate({type: 'array', items: {$ref: 'http://x.com/user.json'}}, [{name: 'a'}, {}]); return [ok, ajv.errors, ajv.validate({$ref: 'defs#/definitions/id'}, 'x'), ajv.errors];`,
		`[false,[{"keyword":"required","dataPath":"[1]","schemaPath":"http://x.com/user.json/required","params":{"missingProperty":"name"},"message":"should have required property 'name'"}],false,[{"keyword":"type","dataPath":"","schemaPath":"defs#/definitions/id/type","params":{"type":"integer"},"message":"should be integer"}]]`},
	{"getSchema by key", `var ajv = new Ajv(); ajv.addSchema({type: 'number'}, 'num'); var v = ajv.getSchema('num'); return [typeof v, v(1), v('x'), v.errors, ajv.getSchema('nope'), ajv.validate('num', 2)];`,
		`["function",true,false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"number"},"message":"should be number"}],null,true]`},
	{"validate unknown key", `var ajv = new Ajv(); return ajv.validate('nope', 1);`,
		`{"throws":"no schema with key or ref \"nope\""}`},
	{"addSchema chains", `var ajv = new Ajv(); return ajv.addSchema({type: 'number'}, 'a') === ajv;`,
		`true`},
	{"addSchema duplicate", `var ajv = new Ajv(); ajv.addSchema({type: 'number'}, 'a'); ajv.addSchema({type: 'string'}, 'a');`,
		`{"throws":"schema with key or id \"a\" already exists"}`},
	{"addSchema invalid", `var ajv = new Ajv(); ajv.addSchema({type: 12}, 'a');`,
		`{"throws":"schema is invalid: data.type should be equal to one of the allowed values, data.type should be array, data.type should match some schema in anyOf"}`},
	{"addFormat regexp", `var ajv = new Ajv({allErrors: true}); ajv.addFormat('phone', /^\+?[0-9]{7,}$/); return [ajv.validate({format: 'phone'}, '+123456789'), ajv.validate({format: 'phone'}, 'abc'), ajv.errors];`,
		`[true,false,[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"phone"},"message":"should match format \"phone\""}]]`},
	{"addFormat string and function", `var ajv = new Ajv(); ajv.addFormat('hex', '^[0-9a-f]+$'); ajv.addFormat('even', function (s) { return s.length % 2 === 0; }); return [ajv.validate({format: 'hex'}, 'beef'), ajv.validate({format: 'hex'}, 'xyz'), ajv.validate({format: 'even'}, 'ab'), ajv.validate({format: 'even'}, 'abc'), ajv.errors];`,
		`[true,false,true,false,[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"even"},"message":"should match format \"even\""}]]`},
	{"addFormat object", `var ajv = new Ajv(); ajv.addFormat('big', {type: 'number', validate: function (n) { return n > 100; }}); return [ajv.validate({format: 'big'}, 500), ajv.validate({format: 'big'}, 5), ajv.errors, ajv.validate({format: 'big'}, 'str')];`,
		`[true,false,[{"keyword":"format","dataPath":"","schemaPath":"#/format","params":{"format":"big"},"message":"should match format \"big\""}],true]`},
	{"unknownFormats ignore", `var ajv = new Ajv({unknownFormats: 'ignore', logger: false}); return ajv.validate({format: 'phone'}, 'x');`,
		`true`},
	{"unknownFormats list", `var ajv = new Ajv({unknownFormats: ['phone']}); return ajv.validate({format: 'phone'}, 'x');`,
		`true`},
	{"validateSchema", `var ajv = new Ajv(); return [ajv.validateSchema({type: 'string'}), ajv.errors, ajv.validateSchema({type: 'nope', minimum: 'x'}), ajv.errors];`,
		`[true,null,false,[{"keyword":"type","dataPath":".minimum","schemaPath":"#/properties/minimum/type","params":{"type":"number"},"message":"should be number"}]]`},
	{"compile non-object", `var ajv = new Ajv(); ajv.compile(5);`,
		`{"throws":"schema should be object or boolean"}`},
	{"errors reset when valid", `var ajv = new Ajv(); ajv.validate({type: 'string'}, 1); var first = ajv.errors.length; ajv.validate({type: 'string'}, 's'); return [first, ajv.errors];`,
		`[1,null]`},
	{"async schema", `var ajv = new Ajv(); var v = ajv.compile({$async: true, type: 'string'}); var p = v(1); p.catch(function () {}); return [v.$async, typeof p.then, p instanceof Promise];`,
		`[true,"function",true]`},
	{"ValidationError", `var e = new Ajv.ValidationError([{message: 'x'}]); return [e instanceof Error, e.message, e.errors.length, e.ajv, e.validation];`,
		`[true,"validation failed",1,true,true]`},
	{"schemas option", `var ajv = new Ajv({schemas: {pos: {minimum: 0}}}); return [ajv.validate('pos', 1), ajv.validate('pos', -1)];`,
		`[true,false]`},
	{"undefined data", `var ajv = new Ajv(); return [ajv.validate({}, undefined), ajv.validate({type: 'object'}, undefined), ajv.errors];`,
		`[true,false,[{"keyword":"type","dataPath":"","schemaPath":"#/type","params":{"type":"object"},"message":"should be object"}]]`},
	{"ref siblings ignored", `var ajv = new Ajv({logger: false}); return ajv.validate({definitions: {s: {type: 'string'}}, properties: {a: {$ref: '#/definitions/s', minLength: 5}}}, {a: 'x'});`,
		`true`},
	// jsonPointers, recorded under Newman 6.2.2: dataPaths as JSON pointers,
	// and missingProperty named plainly without allErrors.
	{"jsonPointers paths", `var ajv = new Ajv({"jsonPointers": true, "allErrors": true}); var valid = ajv.validate({"properties": {"a": {"items": {"properties": {"b/c~d": {"type": "string"}}}}, "p": {"required": ["q"]}}, "patternProperties": {"^x": {"type": "string"}}}, {"a": [{"b/c~d": 1}], "p": {}, "x1": 1}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"/a/0/b~1c~0d","schemaPath":"#/properties/a/items/properties/b~1c~0d/type","params":{"type":"string"},"message":"should be string"},{"keyword":"required","dataPath":"/p","schemaPath":"#/properties/p/required","params":{"missingProperty":"q"},"message":"should have required property 'q'"},{"keyword":"type","dataPath":"/x1","schemaPath":"#/patternProperties/%5Ex/type","params":{"type":"string"},"message":"should be string"}],"text":"data/a/0/b~1c~0d should be string, data/p should have required property 'q', data/x1 should be string"}`},
	{"jsonPointers required first error", `var ajv = new Ajv({"jsonPointers": true}); var valid = ajv.validate({"required": ["x-y", "z"]}, {}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"required","dataPath":"","schemaPath":"#/required","params":{"missingProperty":"x-y"},"message":"should have required property 'x-y'"}],"text":"data should have required property 'x-y'"}`},
	{"jsonPointers dependencies first error", `var ajv = new Ajv({"jsonPointers": true}); var valid = ajv.validate({"dependencies": {"a": ["b-c"]}}, {"a": 1}); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"dependencies","dataPath":"","schemaPath":"#/dependencies","params":{"property":"a","missingProperty":"b-c","depsCount":1,"deps":"b-c"},"message":"should have property b-c when property a is present"}],"text":"data should have property b-c when property a is present"}`},
	{"jsonPointers tuple items", `var ajv = new Ajv({"jsonPointers": true, "allErrors": true}); var valid = ajv.validate({"items": [{"type": "string"}], "additionalItems": {"type": "number"}}, [1, "x"]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"/0","schemaPath":"#/items/0/type","params":{"type":"string"},"message":"should be string"},{"keyword":"type","dataPath":"/1","schemaPath":"#/additionalItems/type","params":{"type":"number"},"message":"should be number"}],"text":"data/0 should be string, data/1 should be number"}`},
	{"jsonPointers nested arrays", `var ajv = new Ajv({"jsonPointers": true, "allErrors": true}); var valid = ajv.validate({"items": {"items": {"type": "integer"}}}, [[1, "a"], ["b"]]); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};`,
		`{"valid":false,"errors":[{"keyword":"type","dataPath":"/0/1","schemaPath":"#/items/items/type","params":{"type":"integer"},"message":"should be integer"},{"keyword":"type","dataPath":"/1/0","schemaPath":"#/items/items/type","params":{"type":"integer"},"message":"should be integer"}],"text":"data/0/1 should be integer, data/1/0 should be integer"}`},
}

// callHarness evaluates harness (a function of one source string) in rt
// and returns a caller for it.
func callHarness(t *testing.T, rt *goja.Runtime, harness string) func(t *testing.T, src string) string {
	t.Helper()
	v, err := rt.RunString(harness)
	if err != nil {
		t.Fatal(err)
	}
	fn, ok := goja.AssertFunction(v)
	if !ok {
		t.Fatal("harness is not a function")
	}
	return func(t *testing.T, src string) string {
		t.Helper()
		res, err := fn(goja.Undefined(), rt.ToValue(src))
		if err != nil {
			t.Fatalf("%s: %v", src, err)
		}
		return res.String()
	}
}

// sameJSON fails t when two JSON texts differ as values.
func sameJSON(t *testing.T, src, want, got string) {
	t.Helper()
	var w, g any
	if err := json.Unmarshal([]byte(want), &w); err != nil {
		t.Fatalf("bad recorded value: %v", err)
	}
	if err := json.Unmarshal([]byte(got), &g); err != nil {
		t.Fatalf("harness gave %q: %v", got, err)
	}
	if diff := cmp.Diff(w, g); diff != "" {
		t.Errorf("%s\n(-npm +colrun):\n%s", src, diff)
	}
}

func TestAjvMatchesAjv6(t *testing.T) {
	t.Parallel()
	// One runtime for all cases, as one run's scripts share theirs.
	rt := newRuntime(t, t.TempDir())
	call := callHarness(t, rt, ajvHarness)
	for _, tc := range ajvCases {
		t.Run(tc.name, func(t *testing.T) {
			sameJSON(t, tc.src, tc.want, call(t, tc.src))
		})
	}
}

// TestAjvAddKeyword: custom keywords are compiled JavaScript that our Go
// validator cannot run, so addKeyword says so rather than ignoring the
// keyword (which would pass data the script meant to reject).
func TestAjvAddKeyword(t *testing.T) {
	t.Parallel()
	rt := newRuntime(t, t.TempDir())
	got := run(t, rt, `try { new (require('ajv'))().addKeyword('range', {}); 'no error' } catch (e) { e.message }`)
	want := `ajv.addKeyword is not supported in colrun (keyword "range"): its custom keywords are compiled JavaScript, and colrun validates schemas in Go`
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// TestAjvRefCycle: a $ref that recurses on the data overflows V8's stack
// under ajv, and scripts see that RangeError (recorded from ajv 6.12.5
// under node), not a plain Error.
func TestAjvRefCycle(t *testing.T) {
	t.Parallel()
	rt := newRuntime(t, t.TempDir())
	got := run(t, rt, `try { new (require('ajv'))().validate({$ref: '#'}, 1); 'no error' } catch (e) { e.name + ': ' + e.message }`)
	if diff := cmp.Diff("RangeError: Maximum call stack size exceeded", got); diff != "" {
		t.Errorf("(-ajv +colrun):\n%s", diff)
	}
}
