// The public pages' tables scroll in the same region as the secretariat's (components/ui).
export { ScrollRegion } from '@/components/ui/scroll-region';
