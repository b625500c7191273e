/* The knowledge base and vocabulary built into the command, so that it runs from anywhere without
 * data files beside it. They stay data: the same JSON files, read by the same loader as --kb.
 * Each blob ends with a NUL so that it can be used as a C string. (The page of `numbfoot serve`
 * is web's own, in web/blobs.S.) */
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
	.section .note.GNU-stack,"",@progbits
