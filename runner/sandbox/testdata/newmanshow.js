// show renders an expression's value or error as the probe that recorded
// Newman 6.2.2's values for the newman_test.go tables did: "type:JSON",
// "fn", "undefined", or "THROW name: message".
function show(f) {
	try {
		var v = f(), t = typeof v, s;
		if (t === 'function') return 'fn';
		if (t === 'undefined') return 'undefined';
		try { s = JSON.stringify(v); } catch (e) { s = '<' + e.message + '>'; }
		return t + ':' + s;
	} catch (e) { return 'THROW ' + (e && e.name) + ': ' + (e && e.message); }
}
