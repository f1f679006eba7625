// Prints the table of ajv_test.go from the real ajv 6.12.5 (the version
// postman-sandbox 4.7.1, used by Newman 6.2.2, bundles):
//   mkdir /tmp/ajv6 && cd /tmp/ajv6 && npm init -y && npm install ajv@6.12.5
//   NODE_PATH=/tmp/ajv6/node_modules node gen_ajv.js > /tmp/table.go.txt
// Each case is a script body run with `Ajv` bound; it returns a value,
// which the table records as JSON.
var Ajv = require('ajv');

// run is the harness, shared with ajv_test.go's ajvHarness: a thrown
// error becomes {throws: message}.
function run(src) {
  try {
    return JSON.stringify(new Function('Ajv', src)(Ajv));
  } catch (e) {
    return JSON.stringify({ throws: e.message });
  }
}

// [name, schema, data, options]; options default to {allErrors: true}.
var table = [
 ["valid object", {type:"object", required:["id"], properties:{id:{type:"integer"}}}, {id:1}],
 ["type and required", {type:"object", required:["id","name"], properties:{id:{type:"integer"}, name:{type:"string"}}}, {id:"x"}],
 ["first error only", {type:"object", required:["id","name"], properties:{id:{type:"integer"}}}, {id:"x"}, {allErrors:false}],
 ["default options", {required:["a","b"]}, {}, {}],
 ["top type", {type:"string", minLength:2}, 5],
 ["type list", {type:["string","null"]}, 5],
 ["integer", {type:"integer", minimum:3}, 2.5],
 ["number limits", {properties:{a:{maximum:5}, b:{exclusiveMaximum:5}, c:{minimum:1}, d:{exclusiveMinimum:1}, e:{multipleOf:0.1}, f:{multipleOf:3}}}, {a:6,b:5,c:0,d:1,e:0.3,f:7}],
 ["string limits", {properties:{a:{maxLength:2}, b:{minLength:3}, c:{pattern:"^[a-z]+$"}, d:{minLength:2, maxLength:2}}}, {a:"abc",b:"ab",c:"A1",d:"\ud83d\ude00\ud83d\ude00"}],
 ["formats", {properties:{email:{format:"email"}, dt:{format:"date-time"}, d:{format:"date"}, u:{format:"uuid"}, ip:{format:"ipv4"}, uri:{format:"uri"}, h:{format:"hostname"}, ok:{format:"email"}}}, {email:"nope", dt:"2020-01-01", d:"2020-13-45x", u:"123", ip:"256.1.1.1", uri:"foo", h:"-bad", ok:"a@b.co"}],
 ["format ignores non-strings", {format:"email"}, 5],
 ["array limits", {type:"array", minItems:3, maxItems:1, uniqueItems:true}, [1,2,1]],
 ["unique objects", {uniqueItems:true}, [{a:1},{a:2},{a:1},{a:2}]],
 ["unique typed", {items:{type:"number"}, uniqueItems:true}, [1,2,1,2]],
 ["items schema", {type:"array", items:{type:"object", required:["id"], properties:{id:{type:"string"}}}}, [{id:"a"},{},{id:2}]],
 ["items tuple", {items:[{type:"string"},{type:"number"}], additionalItems:false}, ["a","b",3]],
 ["additionalItems schema", {items:[{type:"string"}], additionalItems:{type:"number"}}, ["a","b",3,"c"]],
 ["contains", {contains:{type:"string"}}, [1,2]],
 ["additionalProperties false", {properties:{a:{}}, additionalProperties:false}, {a:1, b:2, "c d":3}],
 ["additionalProperties schema", {properties:{a:{}}, patternProperties:{"^x":{type:"string"}}, additionalProperties:{type:"number"}}, {a:1, xb:2, y:"s", z:3}],
 ["property paths", {properties:{"with space":{type:"string"}, "it's":{type:"string"}, "a-b":{properties:{"0":{type:"string"}}}}}, {"with space":1, "it's":2, "a-b":{"0":3}}],
 ["enum const", {properties:{e:{enum:["a","b",{c:1}]}, c:{const:"x"}, ok:{enum:[{c:1}]}}}, {e:"z", c:"y", ok:{c:1}}],
 ["not", {not:{type:"string"}}, "s"],
 ["anyOf", {anyOf:[{type:"string"},{type:"number", minimum:10}]}, 5],
 ["oneOf none", {oneOf:[{type:"string"},{type:"boolean"}]}, 5],
 ["oneOf two", {oneOf:[{type:"number"},{minimum:1}]}, 5],
 ["allOf", {allOf:[{type:"number"},{minimum:10},{maximum:1}]}, 5],
 ["if then", {if:{properties:{a:{const:1}}}, then:{required:["b"]}, else:{required:["c"]}}, {a:1}],
 ["if else", {if:{properties:{a:{const:1}}}, then:{required:["b"]}, else:{required:["c"]}}, {a:2}],
 ["ref definitions", {definitions:{id:{type:"integer", minimum:1}}, properties:{a:{$ref:"#/definitions/id"}, b:{$ref:"#/definitions/id"}}}, {a:0, b:"x"}],
 ["recursive ref", {type:"object", properties:{n:{type:"number"}, child:{$ref:"#"}}}, {child:{child:{n:"x"}}}],
 ["ref with id", {$id:"http://x.com/root.json", definitions:{p:{$id:"#pos", minimum:0}}, items:{$ref:"#pos"}}, [1,-1]],
 ["dependencies", {dependencies:{a:["b","c"], d:{required:["e"]}}}, {a:1, d:1}],
 ["propertyNames", {propertyNames:{maxLength:3}}, {abc:1, abcd:2, abcde:3}],
 ["property counts", {properties:{a:{minProperties:2}, b:{maxProperties:1}}}, {a:{x:1}, b:{x:1,y:2}}],
 ["false schema", {properties:{a:false}}, {a:1}],
 ["true schema", true, 5],
 ["nested false", {items:false}, [1]],
 ["draft-07 meta", {$schema:"http://json-schema.org/draft-07/schema#", type:"string"}, 1],
 ["draft-06 meta", {$schema:"http://json-schema.org/draft-06/schema#", type:"string"}, 1],
 ["draft-04 meta", {$schema:"http://json-schema.org/draft-04/schema#", type:"string"}, 1],
 ["invalid schema", {type:"strin"}, 1],
 ["invalid schema 2", {properties:{a:{minimum:"1"}}}, 1],
 ["unknown format", {properties:{a:{format:"phone"}}}, {a:"1"}],
 ["format false", {format:"email"}, "x", {format:false}],
 ["format full", {format:"date"}, "2020-02-30", {format:"full"}],
 ["format fast date", {format:"date"}, "2020-02-30", {}],
 ["unresolvable ref", {$ref:"#/definitions/nope"}, 1],
 ["missing remote ref", {$ref:"other.json"}, 1],
 ["required in items not allErrors", {items:{required:["id"]}}, [{}, {}], {}],
 ["nested not allErrors", {properties:{a:{type:"string"}, b:{type:"string"}}}, {a:1, b:2}, {}],
 ["anyOf not allErrors", {anyOf:[{type:"string"},{required:["a","b"]}]}, {}, {}],
 ["multipleOf integer", {multipleOf:2}, 7],
 ["exclusive both", {maximum:5, exclusiveMaximum:6}, 5.5],
 ["const object", {const:{a:[1,2]}}, {a:[1,3]}],
 ["null and bool", {properties:{n:{type:"null"}, b:{type:"boolean"}}}, {n:0, b:"true"}],
 ["escaped keys", {properties:{"a'b":{type:"string"}}, patternProperties:{"x":{type:"string"}}}, {"a'b":1, "x'y":2}],
 ["recursive definition", {definitions:{node:{type:"object", properties:{v:{type:"string"}, next:{$ref:"#/definitions/node"}}}}, $ref:"#/definitions/node"}, {v:"a", next:{v:1}}],
 ["oneOf three", {oneOf:[{type:"number"},{minimum:1},{type:"string"}]}, 5],
 ["oneOf one passes", {oneOf:[{type:"string"},{type:"number"}]}, 5],
 ["nested anyOf not allErrors", {anyOf:[{properties:{a:{type:"string"}, b:{type:"string"}}}, {type:"string"}]}, {a:1, b:2}, {}],
 ["required quoting", {required:["a b", "it's"]}, {}, {}],
 ["required quoting allErrors", {required:["a b", "it's"]}, {}],
 ["dependencies not allErrors", {dependencies:{a:["b"]}}, {a:1}, {}],
 ["number keys in data", {additionalProperties:false}, {"1":1, b:2}],
 ["empty schema", {}, {any:"thing"}],
 ["enum null", {enum:[null, 1]}, "x"],
 ["string minLength emoji", {minLength:3}, "\ud83d\ude00\ud83d\ude00"],
 ["contains passes", {contains:{type:"string"}}, [1, "a"]],
 ["required in properties order", {required:["a b","c"], properties:{"a b":{type:"string"}, c:{type:"string"}}}, {}, {}],
 ["required in properties quoting", {required:["it's"], properties:{"it's":{type:"string"}}}, {}],
 ["required split", {required:["x","a"], properties:{a:{type:"string"}, b:true}}, {}],
 ["required empty property schema", {required:["x","b"], properties:{a:{type:"string"}, b:{}}}, {}],
 ["pattern lookahead", {pattern:"^(?!admin)\\w+$"}, "admin1"],
];

var scripts = [
 ["compile and reuse", "var ajv = new Ajv({allErrors: true}); var v = ajv.compile({type: 'object', required: ['id']});" +
   " return [v({id: 1}), v.errors, v({}), v.errors, ajv.errors, ajv.compile({type: 'object', required: ['id']}) === v];"],
 ["ajv without new", "var ajv = Ajv(); return ajv.validate({type: 'string'}, 1);"],
 ["errorsText options", "var ajv = new Ajv({allErrors: true}); ajv.validate({required: ['a', 'b']}, {});" +
   " return [ajv.errorsText(), ajv.errorsText(ajv.errors, {separator: '\\n', dataVar: 'body'}), ajv.errorsText(null), ajv.errorsText([])];"],
 ["addSchema and ref", "var ajv = new Ajv({allErrors: true}); ajv.addSchema({$id: 'http://x.com/user.json', type: 'object', required: ['name']});" +
   " ajv.addSchema({definitions: {id: {type: 'integer'}}}, 'defs');" +
   " var ok = ajv.validate({type: 'array', items: {$ref: 'http://x.com/user.json'}}, [{name: 'a'}, {}]);" +
   " return [ok, ajv.errors, ajv.validate({$ref: 'defs#/definitions/id'}, 'x'), ajv.errors];"],
 ["getSchema by key", "var ajv = new Ajv(); ajv.addSchema({type: 'number'}, 'num'); var v = ajv.getSchema('num');" +
   " return [typeof v, v(1), v('x'), v.errors, ajv.getSchema('nope'), ajv.validate('num', 2)];"],
 ["validate unknown key", "var ajv = new Ajv(); return ajv.validate('nope', 1);"],
 ["addSchema chains", "var ajv = new Ajv(); return ajv.addSchema({type: 'number'}, 'a') === ajv;"],
 ["addSchema duplicate", "var ajv = new Ajv(); ajv.addSchema({type: 'number'}, 'a'); ajv.addSchema({type: 'string'}, 'a');"],
 ["addSchema invalid", "var ajv = new Ajv(); ajv.addSchema({type: 12}, 'a');"],
 ["addFormat regexp", "var ajv = new Ajv({allErrors: true}); ajv.addFormat('phone', /^\\+?[0-9]{7,}$/);" +
   " return [ajv.validate({format: 'phone'}, '+123456789'), ajv.validate({format: 'phone'}, 'abc'), ajv.errors];"],
 ["addFormat string and function", "var ajv = new Ajv(); ajv.addFormat('hex', '^[0-9a-f]+$'); ajv.addFormat('even', function (s) { return s.length % 2 === 0; });" +
   " return [ajv.validate({format: 'hex'}, 'beef'), ajv.validate({format: 'hex'}, 'xyz'), ajv.validate({format: 'even'}, 'ab'), ajv.validate({format: 'even'}, 'abc'), ajv.errors];"],
 ["addFormat object", "var ajv = new Ajv(); ajv.addFormat('big', {type: 'number', validate: function (n) { return n > 100; }});" +
   " return [ajv.validate({format: 'big'}, 500), ajv.validate({format: 'big'}, 5), ajv.errors, ajv.validate({format: 'big'}, 'str')];"],
 ["unknownFormats ignore", "var ajv = new Ajv({unknownFormats: 'ignore', logger: false}); return ajv.validate({format: 'phone'}, 'x');"],
 ["unknownFormats list", "var ajv = new Ajv({unknownFormats: ['phone']}); return ajv.validate({format: 'phone'}, 'x');"],
 ["validateSchema", "var ajv = new Ajv(); return [ajv.validateSchema({type: 'string'}), ajv.errors, ajv.validateSchema({type: 'nope', minimum: 'x'}), ajv.errors];"],
 ["compile non-object", "var ajv = new Ajv(); ajv.compile(5);"],
 ["errors reset when valid", "var ajv = new Ajv(); ajv.validate({type: 'string'}, 1); var first = ajv.errors.length; ajv.validate({type: 'string'}, 's'); return [first, ajv.errors];"],
 ["async schema", "var ajv = new Ajv(); var v = ajv.compile({$async: true, type: 'string'}); var p = v(1); p.catch(function () {}); return [v.$async, typeof p.then, p instanceof Promise];"],
 ["ValidationError", "var e = new Ajv.ValidationError([{message: 'x'}]); return [e instanceof Error, e.message, e.errors.length, e.ajv, e.validation];"],
 ["schemas option", "var ajv = new Ajv({schemas: {pos: {minimum: 0}}}); return [ajv.validate('pos', 1), ajv.validate('pos', -1)];"],
 ["undefined data", "var ajv = new Ajv(); return [ajv.validate({}, undefined), ajv.validate({type: 'object'}, undefined), ajv.errors];"],
 ["ref siblings ignored", "var ajv = new Ajv({logger: false}); return ajv.validate({definitions: {s: {type: 'string'}}, properties: {a: {$ref: '#/definitions/s', minLength: 5}}}, {a: 'x'});"],
];

var rows = [];
table.forEach(function (c) {
  var opts = c[3] === undefined ? { allErrors: true } : c[3];
  var src = 'var ajv = new Ajv(' + JSON.stringify(opts) + '); var valid = ajv.validate(' + JSON.stringify(c[1]) + ', ' +
    JSON.stringify(c[2]) + '); return {valid: valid, errors: ajv.errors, text: ajv.errorsText()};';
  rows.push([c[0], src]);
});
rows = rows.concat(scripts);
rows.forEach(function (r) {
  var want = run(r[1]);
  if (r[1].indexOf('`') >= 0 || want.indexOf('`') >= 0) throw new Error('backquote in ' + r[0]);
  console.log('\t{' + JSON.stringify(r[0]) + ', `' + r[1] + '`,\n\t\t`' + want + '`},');
});
