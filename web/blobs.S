/* The page of `numbfoot serve` (web/static), built into the web library so that the server needs
 * no file beside the command and nothing from cli/. Each file has an _end label before its NUL,
 * which gives its length. */
	.section .rodata
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
	.global nf_blob_display_js
	.global nf_blob_display_js_end
	.balign 16
nf_blob_display_js:
	.incbin "web/static/display.js"
nf_blob_display_js_end:
	.byte 0
	.section .note.GNU-stack,"",@progbits
