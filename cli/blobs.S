/* The knowledge base and vocabulary built into the command, so that it runs from anywhere without
 * data files beside it. They stay data: the same JSON files, read by the same loader as --kb.
 * Each blob ends with a NUL so that it can be used as a C string.
 * The web page of `numbfoot serve` (web/static) is built in the same way; each of its files has an
 * _end label before its NUL, which gives its length. */
	.section .rodata
	.global nf_blob_kb
	.global nf_blob_vocab
	.balign 16
nf_blob_kb:
	.incbin "kb/numbfoot.json"
	.byte 0
	.balign 16
nf_blob_vocab:
	.incbin "kb/vocabulary.json"
	.byte 0

	.global nf_blob_index_html
	.global nf_blob_index_html_end
	.balign 16
nf_blob_index_html:
	.incbin "web/static/index.html"
nf_blob_index_html_end:
	.byte 0
	.global nf_blob_app_css
	.global nf_blob_app_css_end
	.balign 16
nf_blob_app_css:
	.incbin "web/static/app.css"
nf_blob_app_css_end:
	.byte 0
	.global nf_blob_app_js
	.global nf_blob_app_js_end
	.balign 16
nf_blob_app_js:
	.incbin "web/static/app.js"
nf_blob_app_js_end:
	.byte 0
	.global nf_blob_journal_js
	.global nf_blob_journal_js_end
	.balign 16
nf_blob_journal_js:
	.incbin "web/static/journal.js"
nf_blob_journal_js_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
