/* The knowledge base's compiled image (lib/kb/image.c), made at build time from the same JSON as
 * cli/blobs.S carries (mk/kbimage.mk): the built-in knowledge base loads from it, and from the
 * JSON only when the library refuses it. */
	.section .rodata
	.global nf_blob_kb_image
	.global nf_blob_kb_image_end
	.balign 16
nf_blob_kb_image:
	.incbin "numbfoot.kbi"
nf_blob_kb_image_end:
	.section .note.GNU-stack,"",@progbits
