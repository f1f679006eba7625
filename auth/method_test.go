package auth

import "testing"

func TestParseMethodAndFormat(t *testing.T) {
	t.Parallel()
	methods := []struct {
		in      string
		want    Method
		wantErr bool
	}{
		{"password", MethodPassword, false},
		{"PAT", MethodPAT, false},
		{" jwt ", MethodJWT, false},
		{"oauth", "", true},
		{"", "", true},
	}
	for _, tc := range methods {
		got, err := ParseMethod(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseMethod(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
	formats := []struct {
		in      string
		want    Format
		wantErr bool
	}{
		{"xml", FormatXML, false},
		{"JSON", FormatJSON, false},
		{"yaml", "", true},
	}
	for _, tc := range formats {
		got, err := ParseFormat(tc.in)
		if got != tc.want || (err != nil) != tc.wantErr {
			t.Errorf("ParseFormat(%q) = %q, %v; want %q, error %v", tc.in, got, err, tc.want, tc.wantErr)
		}
	}
	if FormatXML.MediaType() != "application/xml" || FormatJSON.MediaType() != "application/json" {
		t.Errorf("media types: %q, %q", FormatXML.MediaType(), FormatJSON.MediaType())
	}
}
