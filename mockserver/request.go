package mockserver

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"mime"
	"strings"

	"golang.org/x/net/html/charset"
)

// maxDepth bounds the nesting of request bodies. Tableau's requests are
// three or four levels deep; anything far deeper is an attack on the
// parser's stack or memory and gets 400000.
const maxDepth = 32

// reqNode is a request body element in a form shared by XML and JSON
// requests: attributes (or JSON scalars) and child elements (or JSON
// objects), with namespaces dropped.
type reqNode struct {
	name  string
	attrs map[string]string
	kids  []*reqNode
}

func (n *reqNode) child(name string) *reqNode {
	if n == nil {
		return nil
	}
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// kidsNamed returns the child elements with a name, in order: repeated
// XML elements or the items of a JSON array.
func (n *reqNode) kidsNamed(name string) []*reqNode {
	if n == nil {
		return nil
	}
	var out []*reqNode
	for _, k := range n.kids {
		if k.name == name {
			out = append(out, k)
		}
	}
	return out
}

// attr returns an attribute and whether it was present at all, because
// Tableau tells an absent credential (400000) from a wrong one (401001).
func (n *reqNode) attr(name string) (string, bool) {
	if n == nil {
		return "", false
	}
	v, ok := n.attrs[name]
	return v, ok
}

var (
	errTooDeep = errors.New("nesting too deep")
	errEmpty   = errors.New("empty body")
)

// parseBody reads a tsRequest in the format the Content-Type names, as
// Tableau does: JSON for application/json (and +json types), XML for
// everything else, including no Content-Type at all. Tableau's REST API
// docs give text/xml as the default, and Tableau's own 2021 REST tutorial
// collection signs in with an XML body and no Content-Type. A JSON body sent
// as XML (or as form data or text/plain, which Tableau also reads as XML)
// fails as XML does: 400000 "Content is not allowed in prolog" (Salesforce
// KB 001474388). The result's children are the request's top-level
// elements (credentials, site, project).
func parseBody(contentType string, body []byte) (*reqNode, error) {
	if len(bytes.TrimSpace(bytes.TrimPrefix(body, utf8BOM))) == 0 {
		return nil, errEmpty
	}
	if isJSONType(contentType) {
		return parseJSONBody(body)
	}
	return parseXMLBody(body)
}

// utf8BOM starts bodies written by Windows tools (PowerShell's
// Set-Content -Encoding UTF8, Notepad); it says nothing but "UTF-8".
var utf8BOM = []byte{0xEF, 0xBB, 0xBF}

// isJSONType reports whether a Content-Type names JSON: application/json,
// text/json or a structured +json type such as Tableau's own
// application/vnd.tableau...+json. A header too broken for
// mime.ParseMediaType is judged by what precedes its parameters.
func isJSONType(contentType string) bool {
	media, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		media, _, _ = strings.Cut(contentType, ";")
		media = strings.ToLower(strings.TrimSpace(media))
	}
	return media == "application/json" || media == "text/json" || strings.HasSuffix(media, "+json")
}

// errProlog is what Tableau's XML reader says of a body that does not start
// with markup, typically JSON sent without a JSON Content-Type.
var errProlog = errors.New("content is not allowed in prolog")

// parseXMLBody never expands a DTD or an entity: documents with a DOCTYPE
// are refused outright, and the strict decoder rejects undefined entities.
// A leading byte order mark is dropped and an encoding declaration other
// than UTF-8 (Python's ElementTree writes encoding='us-ascii', older tools
// ISO-8859-1 or windows-1252) is honoured, as Tableau's Java XML reader
// does.
func parseXMLBody(body []byte) (*reqNode, error) {
	body = bytes.TrimPrefix(body, utf8BOM)
	if trimmed := bytes.TrimLeft(body, " \t\r\n"); len(trimmed) > 0 && trimmed[0] != '<' {
		return nil, errProlog
	}
	dec := xml.NewDecoder(bytes.NewReader(body))
	dec.Strict = true
	dec.CharsetReader = charset.NewReaderLabel
	var stack []*reqNode
	var root *reqNode
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		switch t := tok.(type) {
		case xml.StartElement:
			if root != nil && len(stack) == 0 {
				return nil, errors.New("more than one root element")
			}
			if len(stack) >= maxDepth {
				return nil, errTooDeep
			}
			n := &reqNode{name: t.Name.Local, attrs: map[string]string{}}
			for _, a := range t.Attr {
				if a.Name.Space == "xmlns" || a.Name.Local == "xmlns" {
					continue
				}
				n.attrs[a.Name.Local] = a.Value
			}
			if len(stack) == 0 {
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.Directive:
			return nil, errors.New("DTDs are not accepted")
		case xml.CharData:
			if len(stack) == 0 && len(bytes.TrimSpace(t)) > 0 {
				return nil, errors.New("text outside the root element")
			}
		}
	}
	if root == nil {
		return nil, errEmpty
	}
	if root.name != "tsRequest" {
		return nil, fmt.Errorf("root element is %s, not tsRequest", root.name)
	}
	return root, nil
}

// parseJSONBody walks the token stream itself rather than unmarshalling
// into interface{}, so that depth is checked before memory is spent.
// A UTF-8 byte order mark is dropped first: RFC 8259 lets parsers ignore
// it, and Windows tools write it, so refusing it would only fail clients
// over an invisible byte.
func parseJSONBody(body []byte) (*reqNode, error) {
	body = bytes.TrimPrefix(body, utf8BOM)
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	if d, ok := tok.(json.Delim); !ok || d != '{' {
		return nil, errors.New("the body is not a JSON object")
	}
	root := &reqNode{name: "tsRequest", attrs: map[string]string{}}
	if err := readJSONObject(dec, root, 1); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("unexpected data after the JSON object")
	}
	// Some clients wrap the JSON body in tsRequest as in XML; accept both.
	if len(root.kids) == 1 && root.kids[0].name == "tsRequest" && len(root.attrs) == 0 {
		root = root.kids[0]
	}
	return root, nil
}

// readJSONObject reads members up to the closing brace: scalars become
// attributes, objects children, arrays repeated children.
func readJSONObject(dec *json.Decoder, n *reqNode, depth int) error {
	for dec.More() {
		tok, err := dec.Token()
		if err != nil {
			return err
		}
		key, ok := tok.(string)
		if !ok {
			return errors.New("object key is not a string")
		}
		if err := readJSONMember(dec, n, key, depth); err != nil {
			return err
		}
	}
	_, err := dec.Token() // the closing brace
	return err
}

func readJSONMember(dec *json.Decoder, n *reqNode, key string, depth int) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch t := tok.(type) {
	case json.Delim:
		if depth+1 > maxDepth {
			return errTooDeep
		}
		switch t {
		case '{':
			k := &reqNode{name: key, attrs: map[string]string{}}
			n.kids = append(n.kids, k)
			return readJSONObject(dec, k, depth+1)
		case '[':
			for dec.More() {
				if err := readJSONMember(dec, n, key, depth+1); err != nil {
					return err
				}
			}
			_, err := dec.Token() // the closing bracket
			return err
		}
		return fmt.Errorf("unexpected %v", t)
	case string:
		n.attrs[key] = t
	case json.Number:
		n.attrs[key] = t.String()
	case bool:
		n.attrs[key] = fmt.Sprint(t)
	case nil:
		// null says nothing; leave the attribute absent.
	}
	return nil
}
