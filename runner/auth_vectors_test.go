package runner

// Vectors recorded from Newman 6.2.2: each case is one request of a
// collection Newman ran against a local echo server at 127.0.0.1:33059,
// with fixed nonces, timestamps and Date headers so that signatures are
// deterministic, and what the server received (headers other than those
// every request carries, lower-cased and sorted).

// newmanVector is one request Newman signed and what it sent.
type newmanVector struct {
	name    string
	request string
	uri     string
	headers []string
	body    string
}

var newmanVectors = []newmanVector{
	{
		name:    "o1 hmac-sha1 header",
		request: `{"method": "GET", "url": "{{base}}/o1/a?b=x y&c=1+2&d=(!*')&e=\u00e9&f&c=0", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": "Photos r"}, {"key": "signatureMethod", "value": "HMAC-SHA1"}, {"key": "addParamsToHeader", "value": true}]}, "header": [{"key": "Authorization", "value": "stale"}]}`,
		uri:     "/o1/a?b=x%20y&c=1%202&d=%28%21%2A%27%29&e=%C3%A9&f&c=0",
		headers: []string{
			"authorization: OAuth realm=\"Photos%20r\",oauth_consumer_key=\"ck\",oauth_token=\"tk\",oauth_signature_method=\"HMAC-SHA1\",oauth_timestamp=\"1700000000\",oauth_nonce=\"abcNonce\",oauth_version=\"1.0\",oauth_signature=\"F%2F%2F%2Br9cTKnJgQOXlUwI6C%2BsVpKE%3D\"",
		},
		body: "",
	},
	{
		name:    "o1 hmac-sha256 query",
		request: `{"method": "GET", "url": "{{base}}/o1/b?z=1&a=%41", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "HMAC-SHA256"}, {"key": "addParamsToHeader", "value": false}]}, "header": [{"key": "Authorization", "value": "stale"}]}`,
		uri:     "/o1/b?z=1&a=A&oauth_consumer_key=ck&oauth_token=tk&oauth_signature_method=HMAC-SHA256&oauth_timestamp=1700000000&oauth_nonce=abcNonce&oauth_version=1.0&oauth_signature=AvymD4v%2BdqhrPIrH71lJjP%2FWuPiojYUzSYpfaqgcrhM%3D",
		headers: []string{},
		body:    "",
	},
	{
		name:    "o1 hmac-sha512 form body",
		request: `{"method": "POST", "url": "{{base}}/o1/c?q=1", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "HMAC-SHA512"}, {"key": "addParamsToHeader", "value": false}]}, "header": [{"key": "Authorization", "value": "stale"}], "body": {"mode": "urlencoded", "urlencoded": [{"key": "b", "value": "x y"}, {"key": "a", "value": "1"}, {"key": "oauth_nonce", "value": "old"}, {"key": "off", "value": "1", "disabled": true}]}}`,
		uri:     "/o1/c?q=1",
		headers: []string{
			"content-type: application/x-www-form-urlencoded",
		},
		body: "b=x%20y&a=1&oauth_consumer_key=ck&oauth_token=tk&oauth_signature_method=HMAC-SHA512&oauth_timestamp=1700000000&oauth_nonce=abcNonce&oauth_version=1.0&oauth_signature=OTaczkSCk06Zwz9t6ijE9pKDVN8PcLoR4ySGyc4FI9uaRwtrqzEiRS03kCvMCz%2BRA%2F5Tr7aDVWyB9NO%2FENenng%3D%3D",
	},
	{
		name:    "o1 plaintext",
		request: `{"method": "GET", "url": "{{base}}/o1/d", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "c&s"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "t s"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "PLAINTEXT"}, {"key": "addParamsToHeader", "value": true}]}, "header": [{"key": "Authorization", "value": "stale"}]}`,
		uri:     "/o1/d",
		headers: []string{
			"authorization: OAuth oauth_consumer_key=\"ck\",oauth_token=\"tk\",oauth_signature_method=\"PLAINTEXT\",oauth_timestamp=\"1700000000\",oauth_nonce=\"abcNonce\",oauth_version=\"1.0\",oauth_signature=\"c%2526s%26t%2520s\"",
		},
		body: "",
	},
	{
		name:    "o1 rsa-sha256",
		request: `{"method": "GET", "url": "{{base}}/o1/e?x=1", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": ""}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "RSA-SHA256"}, {"key": "addParamsToHeader", "value": true}, {"key": "privateKey", "value": "-----BEGIN RSA PRIVATE KEY-----\nMIICXQIBAAKBgQDAOvk+uLjk93yxe1utaSGaokIoj6PwPIn+Ji2y/UAB/we2d9Rc\nD2p00iESps+d6b0DX6dY5ddTMVr7tLOZlveWe5yH8+MFwzx2LLYJuHNV1Oy/ZVd4\nEizxbzeKeHb9QHTGnxTbz7H/wYWwb1Djdxn0gVpmMx8Lokj9C7uSeCiyPQIDAQAB\nAoGAHX7vD7i4ZimzcGhFQO6IwXl0PVUNCqe/ZMfm6zgAwk2nmU/5vcZ/xz0W5g3C\nfbCH2CStQO7Dg3hnRYgMptyLUL/CeVEKTRmmg0pNXBHCP7dBIq8nH3ei9ucVfYze\nVQwVA1zN6xW1Tn7FJCSFGk99VKMLTM/OGmGrSpIspldFgwECQQDfax4G0WQaebNA\nzZb7uRw8yvC28Eyd2+UF03ayPpWIDE1YDzM8G3Gc0GnfHuDPwBoeCRA3KjBIPy9l\n6DG/IHWFAkEA3EODFyJg/6GkjjVE769ku1fucd7AxLM/4qj/9ZL8IGz36EmvAFUS\n01r69pq4m8BkdaYP2KYwSJUzvuVJZ+CrWQJAQCJiuzhOkR8QavDZf6cyyOzEzu8K\nP2KJSvPaJe67RBOr/DRY089Y/NgDHE6j4F9X3/lgE0XkGEkzFQDjjucFdQJBAK/4\nZ9SlrKTN+O9781Uh5PIfL+pdMdhz9EgbCFKjWTZ2mCBGLb+wN9gPSYyW04HrVNcB\nEovdSZnTSYHrIJgS0BECQQC+MGSThimHVDoCJ8sudoG0W2mREEaUuhD6Y69vG6gT\nOmzkWLs6mf93Ponc3UNaCDSslTulQ6gbOslfZulD49r/\n-----END RSA PRIVATE KEY-----\n"}]}, "header": [{"key": "Authorization", "value": "stale"}]}`,
		uri:     "/o1/e?x=1",
		headers: []string{
			"authorization: OAuth oauth_consumer_key=\"ck\",oauth_token=\"tk\",oauth_signature_method=\"RSA-SHA256\",oauth_timestamp=\"1700000000\",oauth_nonce=\"abcNonce\",oauth_version=\"1.0\",oauth_signature=\"hcxRBN0QG9m3oXQ48V1PygHi0LJWc7tSLwCqdsBVn35YN8md3VhoeLVoyF0nlS21v2t17ln4Wu%2BqyTjK4HRf3iJ4P%2FpajgCzFzRErit5vewGoUWjC%2FXoI5obZAchtDSD0FLNfAhojH0RjjhJ36eXwDYhEXMsJ464rHkRKyP73RE%3D\"",
		},
		body: "",
	},
	{
		name:    "o1 body hash",
		request: `{"method": "PUT", "url": "{{base}}/o1/f", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "HMAC-SHA1"}, {"key": "addParamsToHeader", "value": true}, {"key": "includeBodyHash", "value": true}]}, "header": [{"key": "Authorization", "value": "stale"}], "body": {"mode": "raw", "raw": "{\"a\":1}", "options": {"raw": {"language": "json"}}}}`,
		uri:     "/o1/f",
		headers: []string{
			"authorization: OAuth oauth_consumer_key=\"ck\",oauth_token=\"tk\",oauth_signature_method=\"HMAC-SHA1\",oauth_timestamp=\"1700000000\",oauth_nonce=\"abcNonce\",oauth_version=\"1.0\",oauth_body_hash=\"n4nHQM60bXQYySSnisV5QdXpZSA%3D\",oauth_signature=\"2yRDb8P%2F%2FIPQsy8O7hGnucJjluU%3D\"",
			"content-type: application/json",
		},
		body: "{\"a\":1}",
	},
	{
		name:    "o1 empty params",
		request: `{"method": "GET", "url": "{{base}}/o1/g", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": ""}, {"key": "tokenSecret", "value": ""}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "n"}, {"key": "version", "value": ""}, {"key": "signatureMethod", "value": "HMAC-SHA1"}, {"key": "addParamsToHeader", "value": true}, {"key": "addEmptyParamsToSign", "value": true}, {"key": "callback", "value": "http://cb.example/x?y=1"}, {"key": "verifier", "value": "v er"}, {"key": "disableHeaderEncoding", "value": true}, {"key": "realm", "value": "r"}]}, "header": [{"key": "Authorization", "value": "stale"}]}`,
		uri:     "/o1/g",
		headers: []string{
			"authorization: OAuth realm=\"r\",oauth_consumer_key=\"ck\",oauth_signature_method=\"HMAC-SHA1\",oauth_timestamp=\"1700000000\",oauth_nonce=\"n\",oauth_callback=\"http://cb.example/x?y=1\",oauth_verifier=\"v er\",oauth_signature=\"VquWlT5IT2zYy1QACAbY4Fqxf1E=\"",
		},
		body: "",
	},
	{
		name:    "o1 form in header",
		request: `{"method": "POST", "url": "{{base}}/o1/h", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "HMAC-SHA1"}, {"key": "addParamsToHeader", "value": true}, {"key": "includeBodyHash", "value": true}]}, "header": [{"key": "Authorization", "value": "stale"}], "body": {"mode": "urlencoded", "urlencoded": [{"key": "k", "value": "v!"}]}}`,
		uri:     "/o1/h",
		headers: []string{
			"authorization: OAuth oauth_consumer_key=\"ck\",oauth_token=\"tk\",oauth_signature_method=\"HMAC-SHA1\",oauth_timestamp=\"1700000000\",oauth_nonce=\"abcNonce\",oauth_version=\"1.0\",oauth_signature=\"XJZJdXedycl9mwmb8oQuRJ0nw1s%3D\"",
			"content-type: application/x-www-form-urlencoded",
		},
		body: "k=v%21",
	},
	{
		name:    "o1 missing secret",
		request: `{"method": "GET", "url": "{{base}}/o1/i", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": ""}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "HMAC-SHA1"}, {"key": "addParamsToHeader", "value": true}]}, "header": [{"key": "Authorization", "value": "stale"}]}`,
		uri:     "/o1/i",
		headers: []string{
			"authorization: stale",
		},
		body: "",
	},
	{
		name:    "o1 no method",
		request: `{"method": "GET", "url": "{{base}}/o1/j?oauth_token=stale", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "addParamsToHeader", "value": false}]}, "header": [{"key": "Authorization", "value": "stale"}]}`,
		uri:     "/o1/j?oauth_consumer_key=ck&oauth_token=tk&oauth_timestamp=1700000000&oauth_nonce=abcNonce&oauth_version=1.0&oauth_signature=mbY6naPTFlYXPTZByz7exBqDack%3D",
		headers: []string{},
		body:    "",
	},
	{
		name:    "o1 rsa-sha1 query",
		request: `{"method": "POST", "url": "{{base}}/o1/k", "auth": {"type": "oauth1", "oauth1": [{"key": "consumerKey", "value": "ck"}, {"key": "consumerSecret", "value": "cs"}, {"key": "token", "value": "tk"}, {"key": "tokenSecret", "value": "ts"}, {"key": "timestamp", "value": "1700000000"}, {"key": "nonce", "value": "abcNonce"}, {"key": "version", "value": "1.0"}, {"key": "realm", "value": ""}, {"key": "signatureMethod", "value": "RSA-SHA1"}, {"key": "addParamsToHeader", "value": false}, {"key": "privateKey", "value": "-----BEGIN RSA PRIVATE KEY-----\nMIICXQIBAAKBgQDAOvk+uLjk93yxe1utaSGaokIoj6PwPIn+Ji2y/UAB/we2d9Rc\nD2p00iESps+d6b0DX6dY5ddTMVr7tLOZlveWe5yH8+MFwzx2LLYJuHNV1Oy/ZVd4\nEizxbzeKeHb9QHTGnxTbz7H/wYWwb1Djdxn0gVpmMx8Lokj9C7uSeCiyPQIDAQAB\nAoGAHX7vD7i4ZimzcGhFQO6IwXl0PVUNCqe/ZMfm6zgAwk2nmU/5vcZ/xz0W5g3C\nfbCH2CStQO7Dg3hnRYgMptyLUL/CeVEKTRmmg0pNXBHCP7dBIq8nH3ei9ucVfYze\nVQwVA1zN6xW1Tn7FJCSFGk99VKMLTM/OGmGrSpIspldFgwECQQDfax4G0WQaebNA\nzZb7uRw8yvC28Eyd2+UF03ayPpWIDE1YDzM8G3Gc0GnfHuDPwBoeCRA3KjBIPy9l\n6DG/IHWFAkEA3EODFyJg/6GkjjVE769ku1fucd7AxLM/4qj/9ZL8IGz36EmvAFUS\n01r69pq4m8BkdaYP2KYwSJUzvuVJZ+CrWQJAQCJiuzhOkR8QavDZf6cyyOzEzu8K\nP2KJSvPaJe67RBOr/DRY089Y/NgDHE6j4F9X3/lgE0XkGEkzFQDjjucFdQJBAK/4\nZ9SlrKTN+O9781Uh5PIfL+pdMdhz9EgbCFKjWTZ2mCBGLb+wN9gPSYyW04HrVNcB\nEovdSZnTSYHrIJgS0BECQQC+MGSThimHVDoCJ8sudoG0W2mREEaUuhD6Y69vG6gT\nOmzkWLs6mf93Ponc3UNaCDSslTulQ6gbOslfZulD49r/\n-----END RSA PRIVATE KEY-----\n"}, {"key": "includeBodyHash", "value": true}]}, "header": [{"key": "Authorization", "value": "stale"}], "body": {"mode": "raw", "raw": "x"}}`,
		uri:     "/o1/k?oauth_consumer_key=ck&oauth_token=tk&oauth_signature_method=RSA-SHA1&oauth_timestamp=1700000000&oauth_nonce=abcNonce&oauth_version=1.0&oauth_body_hash=EfatjsUqKYSrqv18O1FlA3hcIHI%3D&oauth_signature=QV8iKSvEZE4W3GCQgVq4tuhGL06%2FPFW%2BJw3Zl5FvoG9zbBxd%2Boza%2FA3ACGfPGJMRhQDoXCIS07iYHod3FMwxOA5mqM5qnx1oK93bN0hQLGE0N543%2Fada7VlWdRpZS6P7bQ1WnCB96XC763mcXpNcOKgNby2g6iKmPNT6DuyRQo0%3D",
		headers: []string{
			"content-type: text/plain",
		},
		body: "x",
	},
	{
		name:    "aws get defaults",
		request: `{"method": "GET", "url": "{{base}}/aws/a?b=2&a=1&a=0&c", "auth": {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKIDEXAMPLE"}, {"key": "secretKey", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}]}`,
		uri:     "/aws/a?b=2&a=1&a=0&c",
		headers: []string{
			"authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=date;host;x-amz-date, Signature=f7b2ad67afdcf58be3bde1810ab2d229c0ce63d3f15b004a19beef21bb48f098",
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
			"x-amz-date: 20240101T000000Z",
		},
		body: "",
	},
	{
		name:    "aws post json s3 token",
		request: `{"method": "POST", "url": "{{base}}/aws/b", "auth": {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKIDEXAMPLE"}, {"key": "secretKey", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}, {"key": "service", "value": "s3"}, {"key": "region", "value": "eu-west-1"}, {"key": "sessionToken", "value": "tok/en+="}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}, {"key": "X-Amz-Date", "value": "old"}], "body": {"mode": "raw", "raw": "{\"x\": 1}", "options": {"raw": {"language": "json"}}}}`,
		uri:     "/aws/b",
		headers: []string{
			"authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/eu-west-1/s3/aws4_request, SignedHeaders=content-type;date;host;x-amz-content-sha256;x-amz-date;x-amz-security-token, Signature=ef7f8a4e9f4acc3ed48fbe0129e7ec9a411f2e59eb78b93b8f17f89dcd09e879",
			"content-type: application/json",
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
			"x-amz-content-sha256: 613fe5aa65343dbb1b9abe6abac6773f5c91bd60d3f2ffb7e2eae69e1db8b227",
			"x-amz-date: 20240101T000000Z",
			"x-amz-security-token: tok/en+=",
		},
		body: "{\"x\": 1}",
	},
	{
		name:    "aws query auth",
		request: `{"method": "GET", "url": "{{base}}/aws/c?X-Amz-Expires=300&q=a b", "auth": {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKIDEXAMPLE"}, {"key": "secretKey", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}, {"key": "addAuthDataToQuery", "value": true}, {"key": "sessionToken", "value": "sess"}, {"key": "service", "value": "sts"}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}]}`,
		uri:     "/aws/c?X-Amz-Expires=300&q=a%20b&X-Amz-Security-Token=sess&X-Amz-Date=20240101T000000Z&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20240101%2Fus-east-1%2Fsts%2Faws4_request&X-Amz-SignedHeaders=date%3Bhost&X-Amz-Signature=001c8e056ca562dad94b879609fcee9dbdc4955507aad91d3a0b3dba66db44e5",
		headers: []string{
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
		},
		body: "",
	},
	{
		name:    "aws odd path",
		request: `{"method": "GET", "url": "{{base}}/aws/a b/./c/../d%2Fe/~x/(y)?q=1+2&r=%ZZ&s=\u00e9", "auth": {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKIDEXAMPLE"}, {"key": "secretKey", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}, {"key": "region", "value": "ap-south-1"}, {"key": "service", "value": "execute-api"}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}, {"key": "X-Custom", "value": "  a   b "}, {"key": "Range", "value": "bytes=0-1"}, {"key": "user-agent", "value": "me"}]}`,
		uri:     "/aws/a%20b/./c/../d%2Fe/~x/(y)?q=1+2&r=%ZZ&s=%C3%A9",
		headers: []string{
			"authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/ap-south-1/execute-api/aws4_request, SignedHeaders=date;host;x-amz-date;x-custom, Signature=73ae84f716a6eb6b7b43036a99066921b12fb4418e696fcd6ee65f69f90c64c0",
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
			"range: bytes=0-1",
			"x-amz-date: 20240101T000000Z",
			"x-custom: a   b",
		},
		body: "",
	},
	{
		name:    "aws urlencoded email",
		request: `{"method": "POST", "url": "{{base}}/aws/e", "auth": {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKIDEXAMPLE"}, {"key": "secretKey", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}, {"key": "service", "value": "email"}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}], "body": {"mode": "urlencoded", "urlencoded": [{"key": "Action", "value": "SendEmail"}, {"key": "x", "value": "a b!"}]}}`,
		uri:     "/aws/e",
		headers: []string{
			"authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ses/aws4_request, SignedHeaders=date;host;x-amz-content-sha256;x-amz-date, Signature=4b45997dbb119a381e8f0c7d7d575ebe49f09bafc98702f3899e55fe186cb8bd",
			"content-type: application/x-www-form-urlencoded",
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
			"x-amz-content-sha256: 1a6d38f2cf79dcc3e93be2c95a39753222ebac3a7089da02b66741e6aa0951e3",
			"x-amz-date: 20240101T000000Z",
		},
		body: "Action=SendEmail&x=a%20b%21",
	},
	{
		name:    "aws s3 query",
		request: `{"method": "PUT", "url": "{{base}}/aws/f/obj%20name.txt", "auth": {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKIDEXAMPLE"}, {"key": "secretKey", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}, {"key": "service", "value": "s3"}, {"key": "addAuthDataToQuery", "value": true}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}], "body": {"mode": "raw", "raw": "data"}}`,
		uri:     "/aws/f/obj%20name.txt?X-Amz-Expires=86400&X-Amz-Date=20240101T000000Z&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20240101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-SignedHeaders=date%3Bhost&X-Amz-Signature=7165dbbf65c199f052eda008efe0bb555e837f17fa079d7efe4adfa5d391ab45",
		headers: []string{
			"content-type: text/plain",
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
		},
		body: "data",
	},
	{
		name:    "aws s3 get empty",
		request: `{"method": "GET", "url": "{{base}}/aws/g", "auth": {"type": "awsv4", "awsv4": [{"key": "accessKey", "value": "AKIDEXAMPLE"}, {"key": "secretKey", "value": "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"}, {"key": "service", "value": "s3"}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}, {"key": "Content-Type", "value": "text/plain"}]}`,
		uri:     "/aws/g",
		headers: []string{
			"authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/s3/aws4_request, SignedHeaders=content-type;date;host;x-amz-content-sha256;x-amz-date, Signature=0ea0b18ca10fb9384417781c929a09227d8198b141b780cf55881a03c2e4ec15",
			"content-type: text/plain",
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
			"x-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
			"x-amz-date: 20240101T000000Z",
		},
		body: "",
	},
	{
		name:    "aws missing key",
		request: `{"method": "GET", "url": "{{base}}/aws/h", "auth": {"type": "awsv4", "awsv4": [{"key": "secretKey", "value": "s"}]}, "header": [{"key": "Date", "value": "Mon, 01 Jan 2024 00:00:00 GMT"}]}`,
		uri:     "/aws/h",
		headers: []string{
			"authorization: AWS4-HMAC-SHA256 Credential=undefined/20240101/us-east-1/execute-api/aws4_request, SignedHeaders=date;host;x-amz-date, Signature=d2771db0532e60ba4e31edaecdbe5c68dd639e1961fbce9ae87502663ae72c3a",
			"date: Mon, 01 Jan 2024 00:00:00 GMT",
			"x-amz-date: 20240101T000000Z",
		},
		body: "",
	},
	{
		name:    "hawk sha256",
		request: `{"method": "GET", "url": "{{base}}/hawk/a?b=1&c=x y|z", "auth": {"type": "hawk", "hawk": [{"key": "authId", "value": "dh37fgj492je"}, {"key": "authKey", "value": "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"}, {"key": "nonce", "value": "j4h3g2"}, {"key": "timestamp", "value": "1353832234"}, {"key": "algorithm", "value": "sha256"}, {"key": "extraData", "value": "some \"app\" \\ data \\ x"}, {"key": "app", "value": "app1"}, {"key": "delegation", "value": "dlg1"}, {"key": "user", "value": "ignored"}]}, "header": []}`,
		uri:     "/hawk/a?b=1&c=x%20y|z",
		headers: []string{
			"authorization: Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", ext=\"some \\\"app\\\" \\\\ data \\\\ x\", mac=\"UKIrW5H8nM0iCLeVS5ULmzHtIShUcColkZBBd5gRmhc=\", app=\"app1\", dlg=\"dlg1\"",
		},
		body: "",
	},
	{
		name:    "hawk sha1 payload",
		request: `{"method": "POST", "url": "{{base}}/hawk/b", "auth": {"type": "hawk", "hawk": [{"key": "authId", "value": "dh37fgj492je"}, {"key": "authKey", "value": "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"}, {"key": "nonce", "value": "j4h3g2"}, {"key": "timestamp", "value": "1353832234"}, {"key": "algorithm", "value": "sha1"}, {"key": "includePayloadHash", "value": true}]}, "header": [{"key": "Content-Type", "value": "Text/Plain; charset=utf-8"}], "body": {"mode": "raw", "raw": "Thank you for flying Hawk"}}`,
		uri:     "/hawk/b",
		headers: []string{
			"authorization: Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", hash=\"lXEo8X7vjnRab2zfS4qKWLFIQAQ=\", mac=\"Nm/8Egwl+cLK2J+cCFWpoNadcok=\"",
			"content-type: Text/Plain; charset=utf-8",
		},
		body: "Thank you for flying Hawk",
	},
	{
		name:    "hawk json payload",
		request: `{"method": "POST", "url": "{{base}}/hawk/c", "auth": {"type": "hawk", "hawk": [{"key": "authId", "value": "dh37fgj492je"}, {"key": "authKey", "value": "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"}, {"key": "nonce", "value": "j4h3g2"}, {"key": "timestamp", "value": "1353832234"}, {"key": "algorithm", "value": "sha256"}, {"key": "includePayloadHash", "value": true}, {"key": "app", "value": "a"}]}, "header": [], "body": {"mode": "raw", "raw": "{\"a\":1}", "options": {"raw": {"language": "json"}}}}`,
		uri:     "/hawk/c",
		headers: []string{
			"authorization: Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", hash=\"qKG2AtsqLMhIdy7+OrxWG0bU8wTDncYSW0gmNukAKpI=\", mac=\"Wv6e0k0W+0A7Pn/jbtw0ktQ+FhGyPiV7PtlJsu+vOrA=\", app=\"a\"",
			"content-type: application/json",
		},
		body: "{\"a\":1}",
	},
	{
		name:    "hawk form payload",
		request: `{"method": "PUT", "url": "{{base}}/hawk/d", "auth": {"type": "hawk", "hawk": [{"key": "authId", "value": "dh37fgj492je"}, {"key": "authKey", "value": "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"}, {"key": "nonce", "value": "j4h3g2"}, {"key": "timestamp", "value": "1353832234"}, {"key": "algorithm", "value": "sha256"}, {"key": "includePayloadHash", "value": true}]}, "header": [], "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "b c"}]}}`,
		uri:     "/hawk/d",
		headers: []string{
			"authorization: Hawk id=\"dh37fgj492je\", ts=\"1353832234\", nonce=\"j4h3g2\", hash=\"jg4WK9p7EAge3dV0bdrGOHyZRdgM+SOnBcn/MYWpOvQ=\", mac=\"+Hy7vvIvneCg+LJWZSNdDnW4XOrDrtVt0ATGfzDXqQU=\"",
			"content-type: application/x-www-form-urlencoded",
		},
		body: "a=b%20c",
	},
	{
		name:    "hawk bad algo",
		request: `{"method": "GET", "url": "{{base}}/hawk/e", "auth": {"type": "hawk", "hawk": [{"key": "authId", "value": "dh37fgj492je"}, {"key": "authKey", "value": "werxhqb98rpaxn39848xrunpaw3489ruxnpa98w4rxn"}, {"key": "nonce", "value": "j4h3g2"}, {"key": "timestamp", "value": "1353832234"}, {"key": "algorithm", "value": "md5"}]}, "header": []}`,
		uri:     "/hawk/e",
		headers: []string{
			"authorization: ",
		},
		body: "",
	},
	{
		name:    "hawk no key",
		request: `{"method": "GET", "url": "{{base}}/hawk/f", "auth": {"type": "hawk", "hawk": [{"key": "authId", "value": "x"}, {"key": "algorithm", "value": "sha256"}]}, "header": [{"key": "authorization", "value": "mine"}]}`,
		uri:     "/hawk/f",
		headers: []string{
			"authorization: mine",
		},
		body: "",
	},
	{
		name:    "digest md5 auth",
		request: `{"method": "GET", "url": "{{base}}/dg/a?x=1 2", "auth": {"type": "digest", "digest": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}, {"key": "realm", "value": "r@x"}, {"key": "nonce", "value": "abc123"}, {"key": "nonceCount", "value": "00000001"}, {"key": "clientNonce", "value": "0a4f113b"}, {"key": "opaque", "value": "op"}, {"key": "algorithm", "value": "MD5"}, {"key": "qop", "value": "auth"}]}, "header": []}`,
		uri:     "/dg/a?x=1%202",
		headers: []string{
			"authorization: Digest username=\"u\", realm=\"r@x\", nonce=\"abc123\", uri=\"/dg/a?x=1%202\", algorithm=\"MD5\", qop=auth, nc=00000001, cnonce=\"0a4f113b\", response=\"63ddfb4c43fd9fc3b959b341fb2ebadf\", opaque=\"op\"",
		},
		body: "",
	},
	{
		name:    "digest sha256-sess auth-int",
		request: `{"method": "POST", "url": "{{base}}/dg/b", "auth": {"type": "digest", "digest": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}, {"key": "realm", "value": "r@x"}, {"key": "nonce", "value": "abc123"}, {"key": "nonceCount", "value": "00000001"}, {"key": "clientNonce", "value": "0a4f113b"}, {"key": "opaque", "value": "op"}, {"key": "algorithm", "value": "SHA-256-sess"}, {"key": "qop", "value": "auth-int"}]}, "header": [], "body": {"mode": "raw", "raw": "hello"}}`,
		uri:     "/dg/b",
		headers: []string{
			"authorization: Digest username=\"u\", realm=\"r@x\", nonce=\"abc123\", uri=\"/dg/b\", algorithm=\"SHA-256-sess\", qop=auth-int, nc=00000001, cnonce=\"0a4f113b\", response=\"b47434d24979792f51f3eaf641a7f4ce24e7226abde4882b1a2d0928020f95e3\", opaque=\"op\"",
			"content-type: text/plain",
		},
		body: "hello",
	},
	{
		name:    "digest sha512-256 no qop",
		request: `{"method": "GET", "url": "{{base}}/dg/c", "auth": {"type": "digest", "digest": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}, {"key": "realm", "value": "r@x"}, {"key": "nonce", "value": "abc123"}, {"key": "nonceCount", "value": "00000001"}, {"key": "clientNonce", "value": "0a4f113b"}, {"key": "opaque", "value": "op"}, {"key": "algorithm", "value": "SHA-512-256"}, {"key": "qop", "value": ""}]}, "header": []}`,
		uri:     "/dg/c",
		headers: []string{
			"authorization: Digest username=\"u\", realm=\"r@x\", nonce=\"abc123\", uri=\"/dg/c\", algorithm=\"SHA-512-256\", response=\"2055f17d035c5282a1c47f2217296813659949bc7c790bcbd959b998b0187acc\", opaque=\"op\"",
		},
		body: "",
	},
	{
		name:    "digest md5-sess no qop",
		request: `{"method": "GET", "url": "{{base}}/dg/d", "auth": {"type": "digest", "digest": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}, {"key": "realm", "value": "r"}, {"key": "nonce", "value": "n"}, {"key": "algorithm", "value": "MD5-sess"}]}, "header": []}`,
		uri:     "/dg/d",
		headers: []string{
			"authorization: Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/dg/d\", algorithm=\"MD5-sess\", cnonce=\"undefined\", response=\"409716ec8d41e9da79a32875f232ffef\"",
		},
		body: "",
	},
	{
		name:    "digest default algo",
		request: `{"method": "GET", "url": "{{base}}/dg/e", "auth": {"type": "digest", "digest": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}, {"key": "realm", "value": "r"}, {"key": "nonce", "value": "n"}, {"key": "qop", "value": "auth"}, {"key": "nonceCount", "value": "00000009"}, {"key": "clientNonce", "value": "c"}]}, "header": []}`,
		uri:     "/dg/e",
		headers: []string{
			"authorization: Digest username=\"u\", realm=\"r\", nonce=\"n\", uri=\"/dg/e\", algorithm=\"MD5\", qop=auth, nc=00000009, cnonce=\"c\", response=\"c178305c6a133b80f4c54febf952c9ff\"",
		},
		body: "",
	},
	{
		name:    "digest bad algo",
		request: `{"method": "GET", "url": "{{base}}/dg/f", "auth": {"type": "digest", "digest": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}, {"key": "realm", "value": "r@x"}, {"key": "nonce", "value": "abc123"}, {"key": "nonceCount", "value": "00000001"}, {"key": "clientNonce", "value": "0a4f113b"}, {"key": "opaque", "value": "op"}, {"key": "algorithm", "value": "SHA-1"}]}, "header": [{"key": "Authorization", "value": "mine"}]}`,
		uri:     "/dg/f",
		headers: []string{},
		body:    "",
	},
	{
		name:    "digest auth-int form",
		request: `{"method": "PUT", "url": "{{base}}/dg/g", "auth": {"type": "digest", "digest": [{"key": "username", "value": "u"}, {"key": "password", "value": "p"}, {"key": "realm", "value": "r@x"}, {"key": "nonce", "value": "abc123"}, {"key": "nonceCount", "value": "00000001"}, {"key": "clientNonce", "value": "0a4f113b"}, {"key": "opaque", "value": "op"}, {"key": "algorithm", "value": "MD5"}, {"key": "qop", "value": "auth-int"}]}, "header": [], "body": {"mode": "urlencoded", "urlencoded": [{"key": "a", "value": "1 2"}]}}`,
		uri:     "/dg/g",
		headers: []string{
			"authorization: Digest username=\"u\", realm=\"r@x\", nonce=\"abc123\", uri=\"/dg/g\", algorithm=\"MD5\", qop=auth-int, nc=00000001, cnonce=\"0a4f113b\", response=\"a74978cb688880fc99a010c0e4caa175\", opaque=\"op\"",
			"content-type: application/x-www-form-urlencoded",
		},
		body: "a=1%202",
	},
}
